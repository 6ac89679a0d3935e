/**
 * Random values for one sign-in: the verifier (its secret, also the PKCE code_verifier) and the S256 challenge
 * (RFC 7636 §4.1–4.2). The `state` is derived from the verifier (common/sign-in-binding.ts). Pure apart from the
 * platform's CSPRNG and SubtleCrypto.
 */
import { base64UrlEncode } from '@common/base64url.ts';

/** `byteLength` bytes from the CSPRNG, base64url-encoded. */
export function randomBase64Url(byteLength: number): string {
  const bytes = new Uint8Array(byteLength);
  crypto.getRandomValues(bytes);
  return base64UrlEncode(bytes);
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
