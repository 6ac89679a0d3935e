/**
 * One request to the dashboard's own server (the Firmafon proxy or an auth function) with a JSON answer. No
 * answer at all becomes ApiError with status 0; an error status becomes ApiError with the answer's stable code
 * (common/errors.ts) and its Retry-After; a success is parsed by the caller's `parse`, never cast. Free of
 * valibot, so the first script (boot.ts) can use it: API callers pass a schema through lib/parse-with.ts.
 */
import { ApiError, invalidResponseCode, invalidTokenCode, networkErrorCode, rateLimitedCode } from './api-error.ts';

/** Turns a JSON answer into a value, or throws an Error whose message says where the shape went wrong. */
export type Parse<T> = (body: unknown) => T;

/** Seconds from a Retry-After header: delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(header: string | null): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  // An HTTP date always names its day and month; anything else (e.g. "-5", which Date.parse reads as a year) is
  // not a Retry-After value and is ignored.
  if (!/^[A-Za-z]{3}, /.test(header)) return null;
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, Math.round((date - Date.now()) / 1000));
}

/** The ApiError for an error answer: OAuth-style `{ error }` from our functions, or Firmafon's `{ message }`. */
export async function errorFromResponse(response: Response): Promise<ApiError> {
  const { status } = response;
  // Not JSON, or not an object: the status alone has to do.
  const body: unknown = await response.json().catch(() => null);
  const text = (key: string): string | undefined => {
    const value: unknown = typeof body === 'object' && body !== null ? Reflect.get(body, key) : undefined;
    return typeof value === 'string' ? value : undefined;
  };
  // Our functions answer `{ error, error_description? }` (RFC 6749 §5.2); Firmafon's API `{ status, message }`.
  const oauthCode = text('error');
  return new ApiError({
    status,
    code: oauthCode ?? (status === 401 ? invalidTokenCode : status === 429 ? rateLimitedCode : `http_${status}`),
    message: (oauthCode === undefined ? undefined : text('error_description')) ?? text('message') ?? `Request failed with status ${status}`,
    retryAfterSeconds: parseRetryAfter(response.headers.get('Retry-After')),
  });
}

/**
 * Sends the request and returns the answer read by `parse`. `source` names who answered, for messages
 * (`Firmafon`, `/api/config`). An aborted request rethrows the abort, so React Query can tell it apart.
 */
export async function fetchJson<T>(
  url: string,
  init: Omit<RequestInit, 'headers'> & { headers?: Record<string, string> },
  parse: Parse<T>,
  source: string,
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { cache: 'no-store', ...init, headers: { Accept: 'application/json', ...init.headers } });
  } catch (error) {
    if (init.signal?.aborted) throw error;
    throw new ApiError({ status: 0, code: networkErrorCode, message: 'Could not reach the server' });
  }
  if (!response.ok) throw await errorFromResponse(response);
  const { status } = response;
  const invalid = (what: string) => new ApiError({ status, code: invalidResponseCode, message: `${source} sent ${what}` });
  const body: unknown = await response.json().catch(() => {
    throw invalid('a response that is not JSON');
  });
  try {
    return parse(body);
  } catch (error) {
    throw invalid(`data in an unexpected shape (${(error instanceof Error ? error.message : 'unreadable').slice(0, 200)})`);
  }
}
