/**
 * POST /api/auth/token — the token-mediating backend: takes `{ code, redirect_uri, code_verifier, state }` from the
 * SPA, checks that the code is redeemed for the browser that started the sign-in (the verifier matches the state,
 * docs/decisions/0011), adds the client secret and answers `{ access_token, expires_in? }`. The secret never leaves
 * this function. `redirect_uri` is this deploy's callback, or the production relay's URL when this deploy signs in
 * through it.
 */
import type { Config } from '@netlify/functions';
import { FIRMAFON_API_BASE_PATH } from '../common/routes.ts';
import { readDeployInfo, resolveSignInSetup } from './_lib/deploy-setup.ts';
import { loadServerEnv, requireClientCredentials } from './_lib/env.ts';
import { jsonResponse, methodNotAllowed, respond } from './_lib/http.ts';
import { exchangeCode } from './_lib/oauth-exchange.ts';
import { readJsonBody } from './_lib/read-body.ts';
import { checkDashboardRequest, checkJsonContentType } from './_lib/request-guards.ts';
import { checkSignInBinding } from './_lib/sign-in-binding.ts';
import { parseTokenRequest } from './_lib/token-request.ts';

const MAX_BODY_BYTES = 4096;

export default respond('token', async (req, context) => {
  if (req.method !== 'POST') return methodNotAllowed(['POST']);
  const env = loadServerEnv();
  if (!env.ok) return env.failure;
  const setup = resolveSignInSetup({ env: env.value, requestUrl: req.url, deploy: readDeployInfo(context) });
  const refusal = checkDashboardRequest(req.headers, setup.allowedOrigins) ?? checkJsonContentType(req.headers);
  if (refusal) return refusal;

  const body = await readJsonBody(req, MAX_BODY_BYTES);
  if (!body.ok) return body.failure;
  const request = parseTokenRequest(body.value);
  if (!request.ok) return request.failure;
  const { code, redirect_uri: redirectUri, code_verifier: codeVerifier, state } = request.value;
  if (!setup.allowedRedirectUris.has(redirectUri)) {
    return { status: 400, error: 'invalid_request', description: 'redirect_uri is not allowed.' };
  }
  const credentials = requireClientCredentials(env.value);
  if (!credentials.ok) return credentials.failure;
  const unbound = await checkSignInBinding({
    state,
    verifier: codeVerifier,
    stateMode: env.value.stateMode,
    pkce: env.value.pkce,
    relaySigningKey: setup.relay?.signingKey ?? null,
    selfOrigin: setup.selfOrigin,
    now: Date.now(),
  });
  if (unbound) return unbound;

  const token = await exchangeCode({
    tokenUrl: `${env.value.firmafonUrl}${FIRMAFON_API_BASE_PATH}/token`,
    ...credentials.value,
    code,
    redirectUri,
    // The verifier is Firmafon's PKCE code_verifier only when the sign-in sent it a challenge.
    codeVerifier: env.value.pkce ? codeVerifier : undefined,
    timeoutMs: env.value.timeoutMs,
  });
  return token.ok ? jsonResponse(token.value) : token.failure;
});

export const config: Config = {
  // A literal: Netlify reads this export by static analysis (functions/_lib/function-paths.test.ts keeps it in sync).
  path: '/api/auth/token',
  rateLimit: { windowLimit: 20, windowSize: 60, aggregateBy: ['ip', 'domain'] },
};
