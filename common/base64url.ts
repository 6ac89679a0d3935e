/** base64url without padding (RFC 4648 §5), as RFC 7636 Appendix A asks; for the SPA and the functions alike. */
export function base64UrlEncode(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
