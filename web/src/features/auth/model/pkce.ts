/**
 * Random values for one sign-in: the verifier (its secret, also the PKCE code_verifier) and the S256 challenge
 * (RFC 7636 §4.1–4.2). The `state` is derived from the verifier (common/sign-in-binding.ts). Pure apart from the
 * platform's CSPRNG and SubtleCrypto.
 */
import { base64UrlEncode, sha256Base64Url } from '@common/base64url.ts';

/** RFC 7636 §4.1: 32 random octets from the CSPRNG → a 43-character verifier. */
export function createCodeVerifier(): string {
  return base64UrlEncode(crypto.getRandomValues(new Uint8Array(32)));
}

/** RFC 7636 §4.2: `code_challenge = BASE64URL(SHA256(ASCII(code_verifier)))` (method S256). */
export function codeChallengeS256(codeVerifier: string): Promise<string> {
  return sha256Base64Url(codeVerifier);
}
