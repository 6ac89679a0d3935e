/**
 * `POST /api/auth/token`: hands the authorization code (and PKCE verifier) to our token function, which adds
 * the client secret and asks Firmafon for the token (RFC 6749 §4.1.3). The token is returned to the caller
 * and kept nowhere here.
 */
import { TOKEN_PATH } from '@common/routes.ts';
import { TokenResponseSchema, type TokenRequest, type TokenResponse } from '@common/token-contract.ts';
import { postToAuthFunction } from './post-to-auth-function.ts';

export interface ExchangeCodeInput {
  code: string;
  /** Exactly the redirect_uri the authorization request used (RFC 6749 §4.1.3). */
  redirectUri: string;
  /** RFC 7636 §4.5; absent when the sign-in sent no challenge. */
  codeVerifier?: string | undefined;
}

export function exchangeCode({ code, redirectUri, codeVerifier }: ExchangeCodeInput): Promise<TokenResponse> {
  const body: TokenRequest = { code, redirect_uri: redirectUri, ...(codeVerifier ? { code_verifier: codeVerifier } : {}) };
  return postToAuthFunction(TOKEN_PATH, body, TokenResponseSchema);
}
