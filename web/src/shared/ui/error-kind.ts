/** Which kind of trouble a failed request is, by HTTP status and stable code (common/errors.ts). Pure. */
import type { ErrorCode } from '@common/errors.ts';
import { ApiError, invalidResponseCode, networkErrorCode, rateLimitedCode } from '@/lib/api-error.ts';

// Codes as literals, checked against common/errors.ts: pages then do without the whole ErrorCode table.
const upstreamUnavailableCode = 'upstream_unavailable' satisfies ErrorCode;
const upstreamTimeoutCode = 'upstream_timeout' satisfies ErrorCode;

export type ErrorKind = 'offline' | 'rateLimited' | 'unavailable' | 'invalidResponse' | 'forbidden' | 'notFound' | 'signedOut' | 'other';

/** Which kind of trouble an error is; pure, so the mapping is easy to test and reuse. */
export function errorKindOf(error: unknown): ErrorKind {
  if (!(error instanceof ApiError)) return 'other';
  if (error.status === 0 || error.code === networkErrorCode) return 'offline';
  if (error.status === 429 || error.code === rateLimitedCode) return 'rateLimited';
  if (error.code === invalidResponseCode) return 'invalidResponse';
  if (error.status >= 500 || error.code === upstreamUnavailableCode || error.code === upstreamTimeoutCode) {
    return 'unavailable';
  }
  if (error.status === 401) return 'signedOut';
  if (error.status === 403) return 'forbidden';
  if (error.status === 404) return 'notFound';
  return 'other';
}
