/**
 * Turns what went wrong during a sign-in into one of a few problems the UI has words for. Pure; never
 * exposes a raw code, stack or token to the person.
 */
import { ErrorCode } from '@common/errors.ts';
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

/** Maps a failure of the token request (POST /api/auth/token) to a problem. */
export function problemFromTokenError(error: unknown): SignInProblem {
  if (!(error instanceof ApiError)) return 'unknown';
  if (error.code === networkErrorCode || error.status === 0) return 'offline';
  switch (error.code) {
    case ErrorCode.invalidGrant:
      return 'invalid_grant';
    case ErrorCode.invalidBinding:
      return 'not_started_here';
    case ErrorCode.serverMisconfigured:
    case ErrorCode.invalidClient:
    case ErrorCode.unauthorizedClient:
    case ErrorCode.unsupportedGrantType:
    case ErrorCode.forbidden:
      return 'misconfigured';
    case ErrorCode.upstreamUnavailable:
    case ErrorCode.upstreamTimeout:
    case ErrorCode.upstreamInvalidResponse:
      return 'upstream_unavailable';
    case ErrorCode.rateLimited:
      return 'rate_limited';
    default:
      if (error.status === 429) return 'rate_limited';
      if (error.status >= 500) return 'upstream_unavailable';
      return 'unknown';
  }
}

/** Maps a provider's `error` (RFC 6749 §4.1.2.1) to a problem. */
export function problemFromProviderError(error: string | undefined): SignInProblem {
  return error === ErrorCode.accessDenied ? 'access_denied' : 'provider_error';
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
