/**
 * GET|HEAD /api/firmafon/* — forwards the SPA's API calls to `{FIRMAFON_URL}/api/v2/*` with the bearer token,
 * because netlify.toml redirects cannot read FIRMAFON_URL and Firmafon's CORS policy is unknown.
 */
import type { Config } from '@netlify/functions';
import { loadServerEnv } from './_lib/env.ts';
import { bearerAuthorization, forwardToFirmafon, proxyTarget } from './_lib/firmafon-proxy.ts';
import { methodNotAllowed, respond } from './_lib/http.ts';

export default respond('firmafon-proxy', async (req) => {
  if (req.method !== 'GET' && req.method !== 'HEAD') return methodNotAllowed(['GET', 'HEAD']);
  const env = loadServerEnv();
  if (!env.ok) return env.failure;
  const target = proxyTarget(new URL(req.url), env.value.firmafonUrl);
  if (!target.ok) return target.failure;
  const authorization = bearerAuthorization(req.headers);
  if (!authorization.ok) return authorization.failure;

  return forwardToFirmafon({
    method: req.method,
    targetUrl: target.value,
    authorization: authorization.value,
    acceptLanguage: req.headers.get('accept-language'),
    timeoutMs: env.value.timeoutMs,
  });
});

// A literal: Netlify reads this export by static analysis (functions/_lib/function-paths.test.ts keeps it in sync).
export const config: Config = { path: '/api/firmafon/*' };
