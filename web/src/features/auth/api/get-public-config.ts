/**
 * `GET /api/config`: the deploy's public sign-in settings (client id, authorize URL, PKCE, state mode). Not
 * secret and not behind the token. Parsed, never cast; a 503 `server_misconfigured` means the site owner has
 * not connected the dashboard to Firmafon yet.
 */
import { queryOptions } from '@tanstack/react-query';
import * as v from 'valibot';
import { ErrorBodySchema } from '../../../../../common/errors.ts';
import { PublicConfigSchema, type PublicConfig } from '../../../../../common/public-config.ts';
import { CONFIG_PATH } from '../../../../../common/routes.ts';
import { ApiError, invalidResponseCode, networkErrorCode } from '../../../lib/api-error.ts';

export async function getPublicConfig(signal?: AbortSignal): Promise<PublicConfig> {
  let response: Response;
  try {
    response = await fetch(CONFIG_PATH, { headers: { Accept: 'application/json' }, signal: signal ?? null, cache: 'no-store' });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError({ status: 0, code: networkErrorCode, message: 'Could not reach the server' });
  }
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // handled below
  }
  if (!response.ok) {
    const parsed = v.safeParse(ErrorBodySchema, body);
    throw new ApiError({
      status: response.status,
      code: parsed.success ? parsed.output.error : `http_${response.status}`,
      message: (parsed.success ? parsed.output.error_description : undefined) ?? `Config request failed (${response.status})`,
    });
  }
  const parsed = v.safeParse(PublicConfigSchema, body);
  if (!parsed.success) {
    throw new ApiError({ status: response.status, code: invalidResponseCode, message: 'The public config has an unexpected shape' });
  }
  return parsed.output;
}

export const configQueries = {
  all: () => ['public-config'] as const,
  public: () =>
    queryOptions({
      queryKey: [...configQueries.all()],
      queryFn: ({ signal }) => getPublicConfig(signal),
      staleTime: 5 * 60_000,
    }),
};
