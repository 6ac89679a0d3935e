/**
 * `POST /api/auth/token`: hands the authorization code (and PKCE verifier) to our token function, which adds
 * the client secret and asks Firmafon for the token (RFC 6749 §4.1.3). The token is returned to the caller
 * and kept nowhere here.
 */
import { TOKEN_PATH } from '@common/routes.ts';
import type { TokenRequest } from '@common/token-contract.ts';
import { parseTokenResponse, type TokenResponse } from '@common/token-response.ts';
import { postToAuthFunction } from './post-to-auth-function.ts';

export interface ExchangeCodeInput {
  code: string;
  /** Exactly the redirect_uri the authorization request used (RFC 6749 §4.1.3). */
  redirectUri: string;
  /** The sign-in's secret: proves this tab started it, and is the PKCE code_verifier (RFC 7636 §4.5) when PKCE is on. */
  codeVerifier: string | undefined;
  /** The state that came back with the code; absent only when the provider dropped it (optional-state mode). */
  state: string | null;
}

export function exchangeCode({ code, redirectUri, codeVerifier, state }: ExchangeCodeInput): Promise<TokenResponse> {
  const body: TokenRequest = {
    code,
    redirect_uri: redirectUri,
    ...(codeVerifier ? { code_verifier: codeVerifier } : {}),
    ...(state ? { state } : {}),
  };
  return postToAuthFunction(TOKEN_PATH, body, parseTokenResponse);
}
