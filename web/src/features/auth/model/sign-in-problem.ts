/**
 * Turns what went wrong during a sign-in into one of a few problems the UI has words for. Pure; never
 * exposes a raw code, stack or token to the person.
 */
import type { ErrorCode } from '@common/errors.ts';
import { ApiError, networkErrorCode } from '@/lib/api-error.ts';
import type { CallbackMessages } from '../callback-messages.ts';

export type SignInProblem =
  | 'access_denied'
  | 'provider_error'
  | 'not_started_here'
  | 'missing_code'
  | 'invalid_grant'
  | 'misconfigured'
  | 'upstream_unavailable'
  | 'rate_limited'
  | 'offline'
  | 'unknown';

/**
 * The token function's error codes that name a problem, written as the codes themselves (checked against
 * common/errors.ts), so the redemption the first script starts does without the whole ErrorCode table.
 */
const TOKEN_ERROR_PROBLEMS = {
  invalid_grant: 'invalid_grant',
  invalid_binding: 'not_started_here',
  server_misconfigured: 'misconfigured',
  invalid_client: 'misconfigured',
  unauthorized_client: 'misconfigured',
  unsupported_grant_type: 'misconfigured',
  forbidden: 'misconfigured',
  upstream_unavailable: 'upstream_unavailable',
  upstream_timeout: 'upstream_unavailable',
  upstream_invalid_response: 'upstream_unavailable',
  rate_limited: 'rate_limited',
} satisfies Partial<Record<ErrorCode, SignInProblem>>;

/** Maps a failure of the token request (POST /api/auth/token) to a problem; an unknown code by its status. */
export function problemFromTokenError(error: unknown): SignInProblem {
  if (!(error instanceof ApiError)) return 'unknown';
  const { code, status } = error;
  if (code === networkErrorCode || status === 0) return 'offline';
  if (Object.hasOwn(TOKEN_ERROR_PROBLEMS, code)) return TOKEN_ERROR_PROBLEMS[code as keyof typeof TOKEN_ERROR_PROBLEMS];
  return status === 429 ? 'rate_limited' : status >= 500 ? 'upstream_unavailable' : 'unknown';
}

/** Maps a provider's `error` (RFC 6749 §4.1.2.1) to a problem. */
export function problemFromProviderError(error: string | undefined): SignInProblem {
  return error === ('access_denied' satisfies ErrorCode) ? 'access_denied' : 'provider_error';
}

export function describeProblem(problem: SignInProblem, t: CallbackMessages): string {
  switch (problem) {
    case 'access_denied':
      return t.accessDenied;
    case 'provider_error':
      return t.providerError;
    case 'not_started_here':
      return t.notStartedHere;
    case 'missing_code':
      return t.missingCode;
    case 'invalid_grant':
      return t.invalidGrant;
    case 'misconfigured':
      return t.misconfigured;
    case 'upstream_unavailable':
      return t.upstreamUnavailable;
    case 'rate_limited':
      return t.rateLimited;
    case 'offline':
      return t.offline;
    case 'unknown':
      return t.unknownTokenError;
  }
}
