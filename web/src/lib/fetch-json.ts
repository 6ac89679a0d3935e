/**
 * One request to the dashboard's own server (the Firmafon proxy or an auth function) with a JSON answer. No
 * answer at all becomes ApiError with status 0; an error status becomes ApiError with the answer's stable code
 * (common/errors.ts) and its Retry-After; a success is parsed with the schema, never cast.
 */
import * as v from 'valibot';
import { ErrorBodySchema, ErrorCode, FirmafonApiErrorBodySchema } from '@common/errors.ts';
import { ApiError, invalidResponseCode, networkErrorCode } from './api-error.ts';

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
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON: the status alone has to do.
  }
  const oauth = v.safeParse(ErrorBodySchema, body);
  const api = v.safeParse(FirmafonApiErrorBodySchema, body);
  const code = oauth.success
    ? oauth.output.error
    : response.status === 401
      ? ErrorCode.invalidToken
      : response.status === 429
        ? ErrorCode.rateLimited
        : `http_${response.status}`;
  const message =
    (oauth.success ? oauth.output.error_description : undefined) ??
    (api.success ? api.output.message : undefined) ??
    `Request failed with status ${response.status}`;
  return new ApiError({
    status: response.status,
    code,
    message,
    retryAfterSeconds: parseRetryAfter(response.headers.get('Retry-After')),
  });
}

/** Where and why the first schema issue failed, e.g. `calls.3.started_at: Invalid timestamp`. */
function describeIssue(issue: v.BaseIssue<unknown>): string {
  const path = issue.path?.map((item) => String(item.key)).join('.') ?? '';
  return `${path ? `${path}: ` : ''}${issue.message}`.slice(0, 200);
}

/**
 * Sends the request and returns the answer parsed with `schema`. `source` names who answered, for messages
 * (`Firmafon`, `/api/config`). An aborted request rethrows the abort, so React Query can tell it apart.
 */
export async function fetchJson<TSchema extends v.GenericSchema>(
  url: string,
  init: Omit<RequestInit, 'headers'> & { headers?: Record<string, string> },
  schema: TSchema,
  source: string,
): Promise<v.InferOutput<TSchema>> {
  let response: Response;
  try {
    response = await fetch(url, { cache: 'no-store', ...init, headers: { Accept: 'application/json', ...init.headers } });
  } catch (error) {
    if (init.signal?.aborted) throw error;
    throw new ApiError({ status: 0, code: networkErrorCode, message: 'Could not reach the server' });
  }
  if (!response.ok) throw await errorFromResponse(response);
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new ApiError({ status: response.status, code: invalidResponseCode, message: `${source} sent a response that is not JSON` });
  }
  const parsed = v.safeParse(schema, body);
  if (!parsed.success) {
    throw new ApiError({
      status: response.status,
      code: invalidResponseCode,
      message: `${source} sent data in an unexpected shape (${describeIssue(parsed.issues[0])})`,
    });
  }
  return parsed.output;
}
