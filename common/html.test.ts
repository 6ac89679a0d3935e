import { describe, expect, it } from 'vitest';
import { escapeHtml } from './html.ts';

describe('escapeHtml', () => {
  it('replaces the five characters that can end text or a quoted attribute', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('leaves other text, including non-ASCII, as it is', () => {
    expect(escapeHtml('Søren Ærø · =SUM(A1)')).toBe('Søren Ærø · =SUM(A1)');
    expect(escapeHtml('')).toBe('');
  });

  it('escapes an ampersand once, so existing references are shown as text', () => {
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
  });
});
