/**
 * /api/firmafon/* — forwards the SPA's API calls to `{FIRMAFON_URL}/api/v2/*` with the bearer token, because
 * netlify.toml redirects cannot read FIRMAFON_URL and Firmafon's CORS policy is unknown. GET and HEAD pass for any
 * path; a write passes only when it is on the allowlist (proxy-writes.ts), from the dashboard's own script, with a
 * small JSON body that matches its contract, which Firmafon receives as a Rails form.
 */
import type { Config } from '@netlify/functions';
import { PROXY_PREFIX } from '../common/routes.ts';
import { MAX_WRITE_BODY_BYTES } from '../common/write-contract.ts';
import { readDeployInfo, resolveSignInSetup } from './_lib/deploy-setup.ts';
import { loadServerEnv } from './_lib/env.ts';
import { bearerAuthorization, forwardToFirmafon, proxyTarget } from './_lib/firmafon-proxy.ts';
import { respond } from './_lib/http.ts';
import { BODY_NOT_ALLOWED, encodeRailsForm, matchWrite, QUERY_NOT_ALLOWED } from './_lib/proxy-writes.ts';
import { declaresTooLarge, readCappedText, readJsonBody } from './_lib/read-body.ts';
import { checkDashboardRequest, checkJsonContentType } from './_lib/request-guards.ts';

export default respond('firmafon-proxy', async (req, context) => {
  const env = loadServerEnv();
  if (!env.ok) return env.failure;
  const requestUrl = new URL(req.url);
  const target = proxyTarget(requestUrl, env.value.firmafonUrl);
  if (!target.ok) return target.failure;
  const method = req.method;
  const isRead = method === 'GET' || method === 'HEAD';
  const write = isRead ? null : matchWrite(method, requestUrl.pathname.slice(PROXY_PREFIX.length + 1));
  if (write && !write.ok) return write.failure;

  if (write) {
    if (requestUrl.search !== '') return QUERY_NOT_ALLOWED;
    const setup = resolveSignInSetup({ env: env.value, requestUrl: req.url, deploy: readDeployInfo(context) });
    const crossSite = checkDashboardRequest(req.headers, setup.allowedOrigins);
    if (crossSite) return crossSite;
  }
  const authorization = bearerAuthorization(req.headers);
  if (!authorization.ok) return authorization.failure;

  let formBody: string | undefined;
  if (write?.value.toForm === null) {
    // DELETE: nothing may ride along, not even an empty JSON object.
    if (declaresTooLarge(req.headers, 0)) return BODY_NOT_ALLOWED;
    const read = await readCappedText(req.body, 0);
    if (!read.ok) return BODY_NOT_ALLOWED;
  } else if (write) {
    const refusal = checkJsonContentType(req.headers);
    if (refusal) return refusal;
    const body = await readJsonBody(req, MAX_WRITE_BODY_BYTES);
    if (!body.ok) return body.failure;
    const fields = write.value.toForm(body.value);
    if (!fields.ok) return fields.failure;
    formBody = encodeRailsForm(fields.value);
  }

  return forwardToFirmafon({
    method: method === 'GET' || method === 'HEAD' ? method : (write?.value.method ?? 'GET'),
    targetUrl: target.value,
    authorization: authorization.value,
    acceptLanguage: req.headers.get('accept-language'),
    timeoutMs: env.value.timeoutMs,
    ...(formBody !== undefined ? { formBody } : {}),
  });
});

// A literal: Netlify reads this export by static analysis (functions/_lib/function-paths.test.ts keeps it in sync).
export const config: Config = { path: '/api/firmafon/*' };
