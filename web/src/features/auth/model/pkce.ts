/**
 * Random values for one sign-in: the `state` (RFC 6749 §10.12, RFC 9700 §4.7) and the PKCE verifier and
 * S256 challenge (RFC 7636 §4.1–4.2). Pure apart from the platform's CSPRNG and SubtleCrypto.
 */

/** base64url without padding (RFC 4648 §5), as RFC 7636 Appendix A asks. */
export function base64UrlEncode(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** `byteLength` bytes from the CSPRNG, base64url-encoded. */
export function randomBase64Url(byteLength: number): string {
  const bytes = new Uint8Array(byteLength);
  crypto.getRandomValues(bytes);
  return base64UrlEncode(bytes);
}

/** An unguessable `state`: 256 bits (RFC 6749 §10.10 asks for at least 128). */
export function createState(): string {
  return randomBase64Url(32);
}

/** RFC 7636 §4.1: 32 random octets → a 43-character verifier. */
export function createCodeVerifier(): string {
  return randomBase64Url(32);
}

/** RFC 7636 §4.2: `code_challenge = BASE64URL(SHA256(ASCII(code_verifier)))` (method S256). */
export async function codeChallengeS256(codeVerifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(codeVerifier));
  return base64UrlEncode(new Uint8Array(digest));
}
