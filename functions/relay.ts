/**
 * GET /auth/relay — the production site's sign-in relay for deploy previews (docs/decisions/0007): verifies the
 * signed state and forwards Firmafon's answer to the preview's `/auth/callback`; anything else gets a 400 page and
 * no redirect. The logic and its safety checks live in _lib/relay.ts.
 */
import type { Config } from '@netlify/functions';
import { handleRelay } from './_lib/relay.ts';

export default handleRelay;

export const config: Config = {
  // A literal: Netlify reads this export by static analysis (functions/_lib/function-paths.test.ts keeps it in sync).
  // A function's path takes precedence over netlify.toml's `/*` SPA rewrite.
  path: '/auth/relay',
  rateLimit: { windowLimit: 30, windowSize: 60, aggregateBy: ['ip', 'domain'] },
};
