/**
 * GET /api/config — the public, per-deploy configuration the SPA needs to start a sign-in (client id, authorize
 * URL, modes, and the redirect URI when it is not this origin's own callback: a deploy preview signing in through
 * the production relay). Nothing here is secret (RFC 6749 §2.2: the client id is public).
 */
import type { Config } from '@netlify/functions';
import { FIRMAFON_API_BASE_PATH } from '../common/routes.ts';
import type { PublicConfig } from '../common/public-config.ts';
import { readDeployInfo, resolveSignInSetup } from './_lib/deploy-setup.ts';
import { loadServerEnv, requireClientCredentials } from './_lib/env.ts';
import { jsonResponse, methodNotAllowed, respond } from './_lib/http.ts';

export default respond('config', async (req, context) => {
  if (req.method !== 'GET') return methodNotAllowed(['GET']);
  const env = loadServerEnv();
  if (!env.ok) return env.failure;
  // Without a secret the sign-in would fail only after the round trip through Firmafon: say so now.
  const credentials = requireClientCredentials(env.value);
  if (!credentials.ok) return credentials.failure;

  const setup = resolveSignInSetup({ env: env.value, requestUrl: req.url, deploy: readDeployInfo(context) });

  const body: PublicConfig = {
    clientId: credentials.value.clientId,
    authorizeUrl: `${env.value.firmafonUrl}${FIRMAFON_API_BASE_PATH}/authorize`,
    pkce: env.value.pkce,
    stateMode: env.value.stateMode,
    redirectUri: setup.relay?.redirectUri ?? null,
    pushUrl: env.value.pushUrl,
  };
  return jsonResponse(body);
});

// A literal: Netlify reads this export by static analysis (functions/_lib/function-paths.test.ts keeps it in sync).
export const config: Config = { path: '/api/config' };
