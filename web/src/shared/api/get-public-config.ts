/**
 * `GET /api/config`: the deploy's public settings (client id, authorize URL, PKCE, state mode, push URL). Not
 * secret and not behind the token. Parsed, never cast; a 503 `server_misconfigured` means the site owner has
 * not connected the dashboard to Firmafon yet. One request, no retries: the first script (boot.ts) uses it as it
 * is (on failure the app loads and tries again); the app asks through load-public-config.ts.
 */
import { parsePublicConfig, type PublicConfig } from '@common/public-config.ts';
import { CONFIG_PATH } from '@common/routes.ts';
import { fetchJson } from '@/lib/fetch-json.ts';

export function getPublicConfig(signal?: AbortSignal): Promise<PublicConfig> {
  return fetchJson(CONFIG_PATH, { signal: signal ?? null }, parsePublicConfig, CONFIG_PATH);
}
