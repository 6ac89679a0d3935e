/**
 * The first step of `npm run build`.
 *
 * It checks RELAY_ORIGIN_PATTERN against the Public Suffix List (functions/_lib/origin-owners.ts): a wildcard over a
 * public suffix or a shared host (`*.github.io`, `*.co.uk`) fails the build with a message, on every build, because
 * the list is too large for the functions to carry. The functions accept a wildcard only over a domain this check
 * found owned (RELAY_PATTERN_DOMAINS below).
 *
 * Netlify gives a build its deploy's own addresses, `DEPLOY_PRIME_URL`
 * (`https://deploy-preview-42--{site}.netlify.app`, `https://{branch}--{site}.netlify.app`) and `DEPLOY_URL` (the
 * permalink), but not the functions at run time: they see only `URL`, `SITE_NAME` and `SITE_ID`. So on Netlify's build
 * servers (`NETLIFY=true`) this writes both into functions/_lib/deploy-build-env.ts, which the functions bundle imports:
 * the relay-state function signs only an origin this deploy knows as its own (docs/decisions/0007), never one a
 * request names. Anywhere else (a local build, netlify-cli's `NETLIFY_LOCAL`) the committed module, empty, stays as it is.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkPatternDomains } from '../functions/_lib/origin-owners.ts';

export const DEPLOY_BUILD_ENV_MODULE = fileURLToPath(new URL('../functions/_lib/deploy-build-env.ts', import.meta.url));
/** The build-time variables captured, in this order. */
export const CAPTURED_VARIABLES = ['DEPLOY_PRIME_URL', 'DEPLOY_URL'] as const;

/** A value worth capturing: an https origin with a plain DNS name, as Netlify prints it. Anything else is left out. */
const isHttpsOrigin = (value: string) => /^https:\/\/[a-z0-9-]+(?:\.[a-z0-9-]+)+$/.test(value) && new URL(value).origin === value;

/** Is this Netlify's own build (not a local or netlify-cli build)? */
export const isNetlifyBuild = (env: Readonly<Record<string, string | undefined>>) => env.NETLIFY === 'true' && env.NETLIFY_LOCAL !== 'true';

/** The module's text for these build-time values: the committed, empty module when none is an https origin. */
export function renderDeployBuildEnv(env: Readonly<Record<string, string | undefined>>): string {
  const captured: Array<readonly [string, string]> = CAPTURED_VARIABLES.flatMap((name) => {
    const value = env[name]?.trim();
    return value !== undefined && isHttpsOrigin(value) ? [[name, value] as const] : [];
  });
  const owned = checkPatternDomains(env.RELAY_ORIGIN_PATTERN ?? '').owned;
  if (owned.length > 0) captured.push(['RELAY_PATTERN_DOMAINS', owned.join(',')] as const);
  const body = captured.length === 0 ? '{}' : `{\n${captured.map(([name, value]) => `  ${name}: ${JSON.stringify(value)},`).join('\n')}\n}`;
  return [
    '/**',
    " * This deploy's own addresses as Netlify gave them to its build (DEPLOY_PRIME_URL, DEPLOY_URL), which functions do not",
    ' * get at run time, and the RELAY_ORIGIN_PATTERN wildcard domains the build found owned (RELAY_PATTERN_DOMAINS).',
    ' * Written by scripts/capture-deploy-env.ts during a Netlify build; empty in the repository and in local builds.',
    ' * Read, and validated, by env.ts. Do not edit.',
    ' */',
    `export const DEPLOY_BUILD_ENV: Readonly<Record<string, string>> = ${body};`,
    '',
  ].join('\n');
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { refused } = checkPatternDomains(process.env.RELAY_ORIGIN_PATTERN ?? '');
  if (refused.length > 0) {
    console.error(
      `capture-deploy-env: RELAY_ORIGIN_PATTERN puts a wildcard over ${refused.join(', ')}, a public suffix or shared host where every ` +
        'name belongs to someone else. Use a domain of your own, e.g. https://*.previews.example.com (docs/decisions/0007).',
    );
    process.exit(1);
  }
  if (isNetlifyBuild(process.env)) {
    const text = renderDeployBuildEnv(process.env);
    if (readFileSync(DEPLOY_BUILD_ENV_MODULE, 'utf8') !== text) writeFileSync(DEPLOY_BUILD_ENV_MODULE, text);
    console.log(`capture-deploy-env: wrote ${CAPTURED_VARIABLES.filter((name) => text.includes(`${name}:`)).join(' and ') || 'nothing'} for the functions.`);
  } else {
    console.log('capture-deploy-env: not a Netlify build; the functions keep the empty deploy-build-env.ts.');
  }
}
