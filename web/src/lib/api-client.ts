/**
 * The SPA's one HTTP entry point for Firmafon data. Calls go to the same-origin proxy (`/api/firmafon/*`,
 * see functions/firmafon-proxy.ts) with the in-memory token as `Authorization: Bearer` — never as
 * `?access_token=`, which would land in logs. Responses are parsed with a schema and failures become ApiError
 * (lib/fetch-json.ts). Any 401 drops the token (the auth feature then clears the cache and explains). Writes
 * (`firmafonWrite`) also carry the dashboard's custom header, which the proxy requires (docs/decisions/0012).
 */
import type * as v from 'valibot';
import { PROXY_PREFIX } from '@common/routes.ts';
import { accessToken } from './access-token.ts';
import { ApiError, invalidTokenCode } from './api-error.ts';
import { fetchJson } from './fetch-json.ts';
import { parseWith } from './parse-with.ts';

export type QueryParams = Record<string, string | number | undefined | null>;

interface GetOptions<TSchema extends v.GenericSchema> {
  query?: QueryParams;
  schema: TSchema;
  signal?: AbortSignal;
}

export function buildUrl(path: string, query: QueryParams | undefined): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const qs = search.toString();
  return `${PROXY_PREFIX}${path}${qs ? `?${qs}` : ''}`;
}

/** The token to send, or ApiError 401 `invalid_token` when no one is signed in (no request is made). */
export function currentToken(): string {
  const token = accessToken.get();
  if (!token) throw new ApiError({ status: 401, code: invalidTokenCode, message: 'Not signed in' });
  return token;
}

/** Runs `request`; a 401 drops the token, but only if it is still the one the request used (a newer sign-in must survive). */
export async function dropTokenOn401<T>(token: string, request: Promise<T>): Promise<T> {
  try {
    return await request;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401 && accessToken.get() === token) accessToken.clear('expired');
    throw error;
  }
}

/** GET a Firmafon resource through the proxy, e.g. `firmafonGet('/calls', { query, schema })`. */
export async function firmafonGet<TSchema extends v.GenericSchema>(
  path: string,
  { query, schema, signal }: GetOptions<TSchema>,
): Promise<v.InferOutput<TSchema>> {
  const token = currentToken();
  return dropTokenOn401(
    token,
    fetchJson(buildUrl(path, query), { headers: { Authorization: `Bearer ${token}` }, signal: signal ?? null }, parseWith(schema), 'Firmafon'),
  );
}
