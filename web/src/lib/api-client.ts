/**
 * The SPA's one HTTP entry point for Firmafon data. Calls go to the same-origin proxy (`/api/firmafon/*`,
 * see functions/firmafon-proxy.ts) with the in-memory token as `Authorization: Bearer` — never as
 * `?access_token=`, which would land in logs. Responses are parsed with a schema; failures become ApiError.
 * Any 401 drops the token (the auth feature then clears the cache and explains).
 */
import * as v from 'valibot';
import { ErrorBodySchema, ErrorCode, FirmafonApiErrorBodySchema } from '../../../common/errors.ts';
import { PROXY_PREFIX } from '../../../common/routes.ts';
import { accessToken } from './access-token.ts';
import { ApiError, invalidResponseCode, networkErrorCode } from './api-error.ts';

export type QueryParams = Record<string, string | number | undefined | null>;

interface GetOptions<TSchema extends v.GenericSchema> {
  query?: QueryParams;
  schema: TSchema;
  signal?: AbortSignal;
}

function buildUrl(path: string, query: QueryParams | undefined): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const qs = search.toString();
  return `${PROXY_PREFIX}${path}${qs ? `?${qs}` : ''}`;
}

function parseRetryAfter(header: string | null): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, Math.round((date - Date.now()) / 1000));
}

async function errorFromResponse(response: Response): Promise<ApiError> {
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

/** GET a Firmafon resource through the proxy, e.g. `firmafonGet('/calls', { query, schema })`. */
export async function firmafonGet<TSchema extends v.GenericSchema>(
  path: string,
  { query, schema, signal }: GetOptions<TSchema>,
): Promise<v.InferOutput<TSchema>> {
  const token = accessToken.get();
  if (!token) {
    throw new ApiError({ status: 401, code: ErrorCode.invalidToken, message: 'Not signed in' });
  }
  let response: Response;
  try {
    response = await fetch(buildUrl(path, query), {
      headers: { Accept: 'application/json', Authorization: `Bearer ${token}` },
      signal: signal ?? null,
      cache: 'no-store',
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError({ status: 0, code: networkErrorCode, message: 'Could not reach the server' });
  }
  if (!response.ok) {
    const error = await errorFromResponse(response);
    // Only drop the token if it is still the one this request used (a newer sign-in must survive).
    if (response.status === 401 && accessToken.get() === token) accessToken.clear('expired');
    throw error;
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new ApiError({ status: response.status, code: invalidResponseCode, message: 'Firmafon sent a response that is not JSON' });
  }
  const parsed = v.safeParse(schema, body);
  if (!parsed.success) {
    throw new ApiError({
      status: response.status,
      code: invalidResponseCode,
      message: `Firmafon sent data in an unexpected shape (${describeIssue(parsed.issues[0])})`,
    });
  }
  return parsed.output;
}
