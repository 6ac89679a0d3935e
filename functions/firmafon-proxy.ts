/**
 * /api/firmafon/* — forwards the SPA's API calls to `{FIRMAFON_URL}/api/v2/*` with the bearer token, because
 * netlify.toml redirects cannot read FIRMAFON_URL and Firmafon's CORS policy is unknown. GET and HEAD pass for any
 * path; a write passes only when it is on the allowlist (proxy-writes.ts), from the dashboard's own script, with a
 * small JSON body that matches its contract, which Firmafon receives as a Rails form.
 */
import type { Config } from '@netlify/functions';
import { PROXY_PREFIX } from '../common/routes.ts';
import { readDeployInfo, resolveSignInSetup } from './_lib/deploy-setup.ts';
import { loadServerEnv } from './_lib/env.ts';
import { bearerAuthorization, forwardToFirmafon, proxyTarget } from './_lib/firmafon-proxy.ts';
import { respond } from './_lib/http.ts';
import { matchWrite, QUERY_NOT_ALLOWED, readWriteForm } from './_lib/proxy-writes.ts';
import { checkDashboardRequest } from './_lib/request-guards.ts';

export default respond('firmafon-proxy', async (req, context) => {
  const env = loadServerEnv();
  if (!env.ok) return env.failure;
  const requestUrl = new URL(req.url);
  const target = proxyTarget(requestUrl, env.value.firmafonUrl);
  if (!target.ok) return target.failure;
  const forward = { targetUrl: target.value, acceptLanguage: req.headers.get('accept-language'), timeoutMs: env.value.timeoutMs };

  if (req.method === 'GET' || req.method === 'HEAD') {
    const authorization = bearerAuthorization(req.headers);
    if (!authorization.ok) return authorization.failure;
    return forwardToFirmafon({ ...forward, method: req.method, authorization: authorization.value });
  }

  const route = matchWrite(req.method, requestUrl.pathname.slice(PROXY_PREFIX.length + 1));
  if (!route.ok) return route.failure;
  if (requestUrl.search !== '') return QUERY_NOT_ALLOWED;
  const setup = resolveSignInSetup({ env: env.value, requestUrl: req.url, deploy: readDeployInfo(context) });
  const crossSite = checkDashboardRequest(req.headers, setup.allowedOrigins);
  if (crossSite) return crossSite;
  const authorization = bearerAuthorization(req.headers);
  if (!authorization.ok) return authorization.failure;
  const form = await readWriteForm(req, route.value);
  if (!form.ok) return form.failure;
  return forwardToFirmafon({
    ...forward,
    method: route.value.method,
    authorization: authorization.value,
    ...(form.value !== undefined ? { formBody: form.value } : {}),
  });
});

// A literal: Netlify reads this export by static analysis (functions/_lib/function-paths.test.ts keeps it in sync).
export const config: Config = { path: '/api/firmafon/*' };
