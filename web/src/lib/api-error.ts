/**
 * The one error type the SPA's data layer throws. `code` is stable (common/errors.ts) so the UI maps it to
 * words and tests assert on it; `status` is the HTTP status (0 when the request never got an answer).
 */
import type { ErrorCode } from '@common/errors.ts';

export class ApiError extends Error {
  override name = 'ApiError';
  readonly status: number;
  readonly code: string;
  /** Seconds to wait before retrying, from a 429/503 `Retry-After`. */
  readonly retryAfterSeconds: number | null;

  constructor({ status, code, message, retryAfterSeconds = null }: { status: number; code: string; message: string; retryAfterSeconds?: number | null }) {
    super(message);
    this.status = status;
    this.code = code;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** Worth trying again later: network trouble, rate limiting, server-side failures. Never other 4xx. */
  get isTransient(): boolean {
    return this.status === 0 || this.status === 429 || this.status >= 500;
  }
}

export const networkErrorCode = 'network_error';
// The codes the data layer sets, written as the codes themselves (checked against common/errors.ts): the first
// script, which holds this module, then does without the whole ErrorCode table. Other modules that only compare
// codes do the same where they are (shared/ui/error-kind.ts, the sign-in page).
export const invalidResponseCode = 'upstream_invalid_response' satisfies ErrorCode;
export const invalidTokenCode = 'invalid_token' satisfies ErrorCode;
export const rateLimitedCode = 'rate_limited' satisfies ErrorCode;

