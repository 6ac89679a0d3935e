/**
 * `POST /api/auth/token`: hands the authorization code (and PKCE verifier) to our token function, which adds
 * the client secret and asks Firmafon for the token (RFC 6749 §4.1.3). The custom header proves the request
 * came from our own script (see common/routes.ts). The token is returned to the caller and kept nowhere here.
 */
import * as v from 'valibot';
import { ErrorBodySchema } from '../../../../../common/errors.ts';
import { DASHBOARD_REQUEST_HEADER, DASHBOARD_REQUEST_HEADER_VALUE, TOKEN_PATH } from '../../../../../common/routes.ts';
import { TokenResponseSchema, type TokenRequest, type TokenResponse } from '../../../../../common/token-contract.ts';
import { ApiError, invalidResponseCode, networkErrorCode } from '../../../lib/api-error.ts';

export interface ExchangeCodeInput {
  code: string;
  /** Exactly the redirect_uri the authorization request used (RFC 6749 §4.1.3). */
  redirectUri: string;
  /** RFC 7636 §4.5; absent when the sign-in sent no challenge. */
  codeVerifier?: string | undefined;
}

export async function exchangeCode({ code, redirectUri, codeVerifier }: ExchangeCodeInput): Promise<TokenResponse> {
  const body: TokenRequest = { code, redirect_uri: redirectUri, ...(codeVerifier ? { code_verifier: codeVerifier } : {}) };
  let response: Response;
  try {
    response = await fetch(TOKEN_PATH, {
      method: 'POST',
      headers: {
        Accept: 'application/json',
        'Content-Type': 'application/json',
        [DASHBOARD_REQUEST_HEADER]: DASHBOARD_REQUEST_HEADER_VALUE,
      },
      body: JSON.stringify(body),
      cache: 'no-store',
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError({ status: 0, code: networkErrorCode, message: 'Could not reach the server' });
  }
  let json: unknown = null;
  try {
    json = await response.json();
  } catch {
    // handled below
  }
  if (!response.ok) {
    const parsed = v.safeParse(ErrorBodySchema, json);
    throw new ApiError({
      status: response.status,
      code: parsed.success ? parsed.output.error : response.status === 429 ? 'rate_limited' : `http_${response.status}`,
      message: (parsed.success ? parsed.output.error_description : undefined) ?? `Token request failed (${response.status})`,
      retryAfterSeconds: Number(response.headers.get('Retry-After')) || null,
    });
  }
  const parsed = v.safeParse(TokenResponseSchema, json);
  if (!parsed.success) {
    throw new ApiError({ status: response.status, code: invalidResponseCode, message: 'The token response has an unexpected shape' });
  }
  return parsed.output;
}
