/**
 * GET /api/voicemail-sound?url=<Firmafon's sound.url> — plays a voicemail without putting the token in a URL: the
 * SPA sends the token in `Authorization` and plays the answer from a Blob URL; this function forwards it only to
 * Firmafon's own sound path (docs/decisions/0012).
 */
import type { Config } from '@netlify/functions';
import { loadServerEnv } from './_lib/env.ts';
import { bearerAuthorization } from './_lib/firmafon-proxy.ts';
import { methodNotAllowed, respond } from './_lib/http.ts';
import { fetchSound, soundTarget, soundUrlParameter } from './_lib/voicemail-sound.ts';

export default respond('voicemail-sound', async (req) => {
  if (req.method !== 'GET') return methodNotAllowed(['GET']);
  const env = loadServerEnv();
  if (!env.ok) return env.failure;
  const raw = soundUrlParameter(new URL(req.url).search);
  if (!raw.ok) return raw.failure;
  const target = soundTarget(raw.value, env.value.firmafonUrl);
  if (!target.ok) return target.failure;
  const authorization = bearerAuthorization(req.headers);
  if (!authorization.ok) return authorization.failure;

  return fetchSound({
    targetUrl: target.value,
    authorization: authorization.value,
    range: req.headers.get('range'),
    timeoutMs: env.value.timeoutMs,
  });
});

// A literal: Netlify reads this export by static analysis (functions/_lib/function-paths.test.ts keeps it in sync).
export const config: Config = { path: '/api/voicemail-sound' };
