/**
 * Escaping text for HTML: the one function every server-built page (the relay's, the sandbox's) uses to put
 * untrusted text into element content or a quoted attribute value.
 */

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Replaces `& < > " '` with character references; safe in text and in single- or double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}
