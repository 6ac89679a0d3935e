/**
 * The confidential client's half of the authorization code grant (RFC 6749 §4.1.3–§4.1.4, §5): POSTs the code
 * with our client credentials to Firmafon's token endpoint and turns every answer into either
 * `{ access_token, expires_in? }` or a failure with a stable code. Expected failures are results, not exceptions.
 * Nothing from the upstream body reaches our descriptions, and a refresh token (if any) is dropped here.
 */
import * as v from 'valibot';
import type { TokenResponse } from '../../common/token-response.ts';
import { ok, refuse, type Failure, type Result } from './http.ts';
import { readCappedText } from './read-body.ts';
import { discardBody, fetchUpstream, UPSTREAM_TIMEOUT, UPSTREAM_UNAVAILABLE } from './upstream.ts';

export interface ExchangeCodeOptions {
  /** `{FIRMAFON_URL}/api/v2/token`. */
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  code: string;
  /** Must be the exact `redirect_uri` sent to the authorize endpoint (RFC 6749 §4.1.3). */
  redirectUri: string;
  /** RFC 7636 §4.5: sent only when the SPA used PKCE. */
  codeVerifier?: string | undefined;
  timeoutMs: number;
  fetch?: typeof fetch;
}

/** More than any real token response; a bigger body is not one. */
const MAX_UPSTREAM_BODY_BYTES = 64 * 1024;

const INVALID_RESPONSE_DESCRIPTION = 'Firmafon answered the sign-in with a response the dashboard does not understand.';

const failures = {
  timeout: UPSTREAM_TIMEOUT,
  unavailable: UPSTREAM_UNAVAILABLE,
  invalidResponse: { status: 502, error: 'upstream_invalid_response', description: INVALID_RESPONSE_DESCRIPTION },
} satisfies Record<string, Failure>;

/** RFC 6749 §5.2 error codes Firmafon may answer with, and what we answer the SPA. */
const PROVIDER_ERRORS = new Map<string, Failure>([
  ['invalid_grant', { status: 400, error: 'invalid_grant', description: 'The sign-in code is invalid, expired or already used. Please sign in again.' }],
  [
    'invalid_client',
    {
      status: 502,
      error: 'invalid_client',
      description:
        "Firmafon refused this site's client credentials. The site owner should check FIRMAFON_CLIENT_ID and FIRMAFON_CLIENT_SECRET.",
    },
  ],
  ['invalid_request', { status: 400, error: 'invalid_request', description: 'Firmafon refused the token request as malformed.' }],
  ['unauthorized_client', { status: 400, error: 'unauthorized_client', description: 'Firmafon does not allow this application to sign in this way.' }],
  ['unsupported_grant_type', { status: 400, error: 'unsupported_grant_type', description: 'Firmafon does not support this kind of sign-in.' }],
  ['invalid_scope', { status: 400, error: 'invalid_scope', description: 'Firmafon refused the requested access scope.' }],
]);

/** Visible ASCII, no spaces: anything that can travel as `Authorization: Bearer <token>`. */
export const ACCESS_TOKEN_PATTERN = /^[\x21-\x7E]+$/;

/** RFC 6749 §5.1, leniently: only what we pass on is checked. The token must fit in an HTTP header. */
const UpstreamTokenSchema = v.object({
  access_token: v.pipe(v.string(), v.minLength(1), v.maxLength(4096), v.regex(ACCESS_TOKEN_PATTERN)),
  /** RFC 6749 §7.1: we can only use a bearer token (RFC 6750). Firmafon documents none, so absent is fine. */
  token_type: v.optional(v.pipe(v.string(), v.check((type) => type.toLowerCase() === 'bearer'))),
  expires_in: v.optional(v.unknown()),
});

const UpstreamErrorSchema = v.object({ error: v.string() });

/** Exchanges an authorization code for an access token. Never throws for an upstream failure. */
export async function exchangeCode(options: ExchangeCodeOptions): Promise<Result<TokenResponse>> {
  // RFC 6749 §2.3.1 allows the credentials in the body; the docs' query-string form would put the secret in logs.
  const form = new URLSearchParams({
    grant_type: 'authorization_code',
    code: options.code,
    redirect_uri: options.redirectUri,
    client_id: options.clientId,
    client_secret: options.clientSecret,
  });
  if (options.codeVerifier !== undefined) form.set('code_verifier', options.codeVerifier);

  const answer = await fetchUpstream(
    options.tokenUrl,
    // A redirect would re-send the form, secret included, somewhere we did not choose: fetchUpstream refuses it.
    { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' }, body: form },
    { timeoutMs: options.timeoutMs, invalidResponseDescription: INVALID_RESPONSE_DESCRIPTION, ...(options.fetch ? { fetch: options.fetch } : {}) },
  );
  if (!answer.ok) return answer;
  const { response, signal } = answer.value;

  if (response.status === 429) {
    await discardBody(response);
    const retryAfter = response.headers.get('retry-after')?.trim();
    return refuse({
      status: 429,
      error: 'rate_limited',
      description: 'Firmafon is receiving too many sign-ins. Please wait a moment and try again.',
      ...(retryAfter !== undefined && /^\d{1,9}$/.test(retryAfter) ? { headers: { 'Retry-After': retryAfter } } : {}),
    });
  }
  if (response.status >= 500) {
    await discardBody(response);
    return refuse(failures.unavailable);
  }

  let body: unknown;
  try {
    const read = await readCappedText(response.body, MAX_UPSTREAM_BODY_BYTES);
    if (!read.ok) {
      if (signal.aborted) return refuse(failures.timeout);
      return refuse(read.reason === 'read_failed' ? failures.unavailable : failures.invalidResponse);
    }
    body = JSON.parse(read.text);
  } catch {
    return refuse(signal.aborted ? failures.timeout : failures.invalidResponse);
  }

  if (response.ok) {
    const token = v.safeParse(UpstreamTokenSchema, body);
    if (!token.success) return refuse(failures.invalidResponse);
    const expiresIn = toExpiresIn(token.output.expires_in);
    return ok(expiresIn === undefined ? { access_token: token.output.access_token } : { access_token: token.output.access_token, expires_in: expiresIn });
  }

  const providerError = v.safeParse(UpstreamErrorSchema, body);
  const known = providerError.success ? PROVIDER_ERRORS.get(providerError.output.error) : undefined;
  return refuse(known ?? failures.invalidResponse);
}

/** RFC 6749 §5.1 `expires_in` as seconds; anything odd is dropped rather than trusted. */
function toExpiresIn(value: unknown): number | undefined {
  const seconds = typeof value === 'string' && /^\d{1,10}$/.test(value) ? Number(value) : value;
  return typeof seconds === 'number' && Number.isInteger(seconds) && seconds > 0 ? seconds : undefined;
}
