/** base64url without padding (RFC 4648 §5), as RFC 7636 Appendix A asks; for the SPA and the functions alike. */
export function base64UrlEncode(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** base64url(SHA-256(UTF-8 `text`)), with Web Crypto (in browsers and in Node): the PKCE challenge and the sign-in binding. */
export async function sha256Base64Url(text: string): Promise<string> {
  return base64UrlEncode(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))));
}
