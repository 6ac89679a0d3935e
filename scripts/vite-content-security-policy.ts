/**
 * The pages' Content-Security-Policy, which names Firmafon's push service (`FIRMAFON_PUBSUB_URL`, common/push-service.ts)
 * and so cannot be a fixed line in netlify.toml:
 * - a build writes it into dist/_headers for every path, which Netlify (and `netlify serve`) apply beside netlify.toml's
 *   other headers;
 * - Vite's dev server (`npm start`, behind `netlify dev`) sends it with every response it serves, so development runs
 *   under the same policy. netlify-cli also applies a dist/_headers left by an earlier build, but a header the dev
 *   server sends wins over it.
 * A FIRMAFON_PUBSUB_URL that is not a push URL stops the build (or the dev server) with a message naming it.
 */
import type { Plugin } from 'vite';
import { contentSecurityPolicy, pushUrlFromEnv } from '../common/push-service.ts';

/** dist/_headers for a push URL (Netlify's _headers format: a path, then indented `Name: value` lines). */
export function headersFile(pushUrl: string): string {
  return ['# Written by the build (scripts/vite-content-security-policy.ts) from FIRMAFON_PUBSUB_URL. Do not edit.', '/*', `  Content-Security-Policy: ${contentSecurityPolicy(pushUrl)}`, ''].join('\n');
}

export function contentSecurityPolicyHeader(env: Readonly<Record<string, string | undefined>> = process.env): Plugin {
  return {
    name: 'content-security-policy',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: '_headers', source: headersFile(pushUrlFromEnv(env)) });
    },
    configureServer(server) {
      const policy = contentSecurityPolicy(pushUrlFromEnv(env));
      server.middlewares.use((_req, res, next) => {
        res.setHeader('Content-Security-Policy', policy);
        next();
      });
    },
  };
}
