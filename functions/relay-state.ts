/**
 * POST /api/auth/relay-state — for a deploy that signs in through the production relay: takes the tab's `{ nonce }`
 * and answers `{ state }`, this deploy's own origin and the nonce signed with RELAY_SIGNING_KEY for 10 minutes
 * (docs/decisions/0007). The SPA uses that exact string as the sign-in's `state`. It signs only one of this deploy's own
 * origins (from its environment, its build and its Netlify context: deploy-setup.ts), the one the request arrived on,
 * never an origin only the request names, and only for a deploy in relay mode; the key never leaves this function.
 */
import type { Config } from '@netlify/functions';
import { readDeployInfo, resolveSignInSetup } from './_lib/deploy-setup.ts';
import { loadServerEnv } from './_lib/env.ts';
import { jsonResponse, methodNotAllowed, respond } from './_lib/http.ts';
import { readJsonBody } from './_lib/read-body.ts';
import { parseRelayStateRequest } from './_lib/relay-state-request.ts';
import { checkDashboardRequest, checkJsonContentType } from './_lib/request-guards.ts';
import { signState } from './_lib/signed-state.ts';

const MAX_BODY_BYTES = 512;

export default respond('relay-state', async (req, context) => {
  if (req.method !== 'POST') return methodNotAllowed(['POST']);
  const env = loadServerEnv();
  if (!env.ok) return env.failure;
  const setup = resolveSignInSetup({ env: env.value, requestUrl: req.url, deploy: readDeployInfo(context) });
  // Stricter than the token function: the caller must be script on this very origin, the one that gets signed.
  // `selfOrigin` is one of the deploy's own origins, or null: a request cannot make it name anything else.
  const ownOrigin = new Set(setup.selfOrigin === null ? [] : [setup.selfOrigin]);
  const refusal = checkDashboardRequest(req.headers, ownOrigin) ?? checkJsonContentType(req.headers);
  if (refusal) return refusal;
  if (setup.relay === null || setup.selfOrigin === null) {
    return { status: 400, error: 'relay_not_available', description: setup.relayUnavailable ?? 'This deploy does not use the relay.' };
  }

  const body = await readJsonBody(req, MAX_BODY_BYTES);
  if (!body.ok) return body.failure;
  const request = parseRelayStateRequest(body.value);
  if (!request.ok) return request.failure;

  const state = signState({ origin: setup.selfOrigin, nonce: request.value.nonce, key: setup.relay.signingKey, now: Date.now() });
  return jsonResponse({ state });
});

export const config: Config = {
  // A literal: Netlify reads this export by static analysis (functions/_lib/function-paths.test.ts keeps it in sync).
  path: '/api/auth/relay-state',
  rateLimit: { windowLimit: 20, windowSize: 60, aggregateBy: ['ip', 'domain'] },
};
