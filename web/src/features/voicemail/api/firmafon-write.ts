/**
 * The voicemail feature's writes through the proxy's allowlist (docs/decisions/0012): the in-memory token as
 * `Authorization: Bearer`, the dashboard's custom header, a JSON body built from common/write-contract.ts. Like
 * lib/api-client.ts's reads, a 401 drops the token if it is still the one used.
 *
 * Kept inside this feature while the shared write helper (lib/api-client.ts `firmafonWrite`) is being built;
 * merge into that one when it lands.
 */
import * as v from 'valibot';
import { ErrorCode } from '@common/errors.ts';
import { DASHBOARD_REQUEST_HEADER, DASHBOARD_REQUEST_HEADER_VALUE, PROXY_PREFIX } from '@common/routes.ts';
import { accessToken } from '@/lib/access-token.ts';
import { ApiError, invalidResponseCode } from '@/lib/api-error.ts';
import { errorFromResponse, fetchJson } from '@/lib/fetch-json.ts';

/** The token for a request, or the same "not signed in" error as the reads. */
export function requireToken(): string {
  const token = accessToken.get();
  if (!token) throw new ApiError({ status: 401, code: ErrorCode.invalidToken, message: 'Not signed in' });
  return token;
}

/** Drops the token on a 401, unless a newer sign-in replaced it meanwhile. */
export function dropTokenOn401(error: unknown, token: string): void {
  if (error instanceof ApiError && error.status === 401 && accessToken.get() === token) accessToken.clear('expired');
}

/** `PUT` with a JSON body; answers the body parsed with `schema`. */
export async function firmafonPut<TSchema extends v.GenericSchema>(path: string, body: unknown, schema: TSchema): Promise<v.InferOutput<TSchema>> {
  const token = requireToken();
  try {
    return await fetchJson(
      `${PROXY_PREFIX}${path}`,
      {
        method: 'PUT',
        headers: {
          Authorization: `Bearer ${token}`,
          [DASHBOARD_REQUEST_HEADER]: DASHBOARD_REQUEST_HEADER_VALUE,
          'Content-Type': 'application/json',
        },
        body: JSON.stringify(body),
      },
      schema,
      'Firmafon',
    );
  } catch (error) {
    dropTokenOn401(error, token);
    throw error;
  }
}

/** `DELETE` without a body. Any 2xx is done: Firmafon's answer body is not documented (the sandbox sends `{}`). */
export async function firmafonDelete(path: string): Promise<void> {
  const token = requireToken();
  try {
    await fetchJson(
      `${PROXY_PREFIX}${path}`,
      { method: 'DELETE', headers: { Authorization: `Bearer ${token}`, [DASHBOARD_REQUEST_HEADER]: DASHBOARD_REQUEST_HEADER_VALUE } },
      v.unknown(),
      'Firmafon',
    );
  } catch (error) {
    if (error instanceof ApiError && error.code === invalidResponseCode && error.status >= 200 && error.status < 300) return;
    dropTokenOn401(error, token);
    throw error;
  }
}

export { errorFromResponse };
