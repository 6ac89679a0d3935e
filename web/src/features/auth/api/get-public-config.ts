/**
 * `GET /api/config`: the deploy's public sign-in settings (client id, authorize URL, PKCE, state mode). Not
 * secret and not behind the token. Parsed, never cast; a 503 `server_misconfigured` means the site owner has
 * not connected the dashboard to Firmafon yet.
 */
import { queryOptions } from '@tanstack/react-query';
import { PublicConfigSchema, type PublicConfig } from '@common/public-config.ts';
import { CONFIG_PATH } from '@common/routes.ts';
import { fetchJson } from '@/lib/fetch-json.ts';

export function getPublicConfig(signal?: AbortSignal): Promise<PublicConfig> {
  return fetchJson(CONFIG_PATH, { signal: signal ?? null }, PublicConfigSchema, CONFIG_PATH);
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
