/**
 * The functions' environment, validated with a schema once per cold start (re-validated only when a value
 * changes, which happens in tests). Holds the client secret: nothing here may reach a response or a log except
 * a variable's name.
 */
import * as v from 'valibot';
import { DEFAULT_FIRMAFON_PUBSUB_URL, parsePushUrl, PUBSUB_URL_HINT } from '../../common/push-service.ts';
import { DEFAULT_FIRMAFON_URL } from '../../common/routes.ts';
import { StateMode } from '../../common/state-mode.ts';
import { misconfigured, ok, refuse, type Result } from './http.ts';
import { DEPLOY_BUILD_ENV } from './deploy-build-env.ts';
import { netlifyDeployPattern, parseOriginPatternList, siteNameFromNetlifyOrigin, type OriginPattern } from './origin-patterns.ts';
import { parseOrigin } from './origins.ts';

/** An environment record such as `process.env`. */
export type EnvRecord = Readonly<Record<string, string | undefined>>;

export interface ServerEnv {
  /** Firmafon's origin, normalised, without a trailing slash. */
  firmafonUrl: string;
  /** Firmafon's push service (Faye), which the SPA connects to directly: `FIRMAFON_PUBSUB_URL`, normalised. */
  pushUrl: string;
  clientId: string | undefined;
  clientSecret: string | undefined;
  pkce: boolean;
  stateMode: StateMode;
  /**
   * This deploy's own origins, normalised: `ALLOWED_ORIGINS` plus Netlify's `URL`, `DEPLOY_PRIME_URL` and `DEPLOY_URL`.
   * On Netlify only `URL` reaches a function at run time; the other two come from the build (deploy-build-env.ts).
   * The deploy permalink is added per request, from the handler's context (deploy-setup.ts).
   */
  allowedOrigins: ReadonlySet<string>;
  /** Upstream timeout for every call to Firmafon. */
  timeoutMs: number;
  /** The origin whose `/auth/callback` and `/auth/relay` are registered at Firmafon: `FIRMAFON_REDIRECT_ORIGIN`, else `URL`. */
  redirectOrigin: string | undefined;
  /** HMAC key for the relay's signed state (`RELAY_SIGNING_KEY`). Secret: never in a response or a log. */
  relaySigningKey: string | undefined;
  /**
   * This site's deploy origins: `RELAY_ORIGIN_PATTERN`, else `https://*--{site}.netlify.app` for the site named by
   * `SITE_NAME`, `URL` or `DEPLOY_URL`; empty when none applies (local runs).
   */
  deployOriginPatterns: readonly OriginPattern[];
  /** Netlify's site name (its netlify.app subdomain), when known. */
  siteName: string | undefined;
  /** Netlify's `CONTEXT` (`production`, `deploy-preview`, `branch-deploy`, `dev`), when set; informational only. */
  context: string | undefined;
}

/** Every variable the functions read (the tests save and restore exactly these). */
export const ENV_KEYS = [
  'FIRMAFON_URL',
  'FIRMAFON_PUBSUB_URL',
  'FIRMAFON_CLIENT_ID',
  'FIRMAFON_CLIENT_SECRET',
  'FIRMAFON_PKCE',
  'FIRMAFON_STATE',
  'ALLOWED_ORIGINS',
  'URL',
  'DEPLOY_PRIME_URL',
  'DEPLOY_URL',
  'FIRMAFON_TIMEOUT_MS',
  'FIRMAFON_REDIRECT_ORIGIN',
  'RELAY_SIGNING_KEY',
  'RELAY_ORIGIN_PATTERN',
  'SITE_NAME',
  'CONTEXT',
] as const;
type Key = (typeof ENV_KEYS)[number];

/** What a valid value looks like, for the site owner; never the value itself. */
const HINTS: Record<Key, string> = {
  FIRMAFON_URL: 'must be an https origin such as https://app.firmafon.dk (http only for localhost)',
  FIRMAFON_PUBSUB_URL: PUBSUB_URL_HINT,
  FIRMAFON_CLIENT_ID: 'must be a string',
  FIRMAFON_CLIENT_SECRET: 'must be a string',
  FIRMAFON_PKCE: 'must be on or off',
  FIRMAFON_STATE: 'must be required or optional',
  ALLOWED_ORIGINS: 'must be a comma-separated list of https origins (http only for localhost), without paths',
  URL: 'must be an https origin',
  DEPLOY_PRIME_URL: 'must be an https origin',
  DEPLOY_URL: 'must be an https origin',
  FIRMAFON_TIMEOUT_MS: 'must be a whole number of milliseconds between 1 and 60000',
  FIRMAFON_REDIRECT_ORIGIN: 'must be an https origin such as https://dashboard.example.com (http only for localhost), without a path',
  RELAY_SIGNING_KEY: 'must be at least 32 characters (a random value, the same in every deploy context)',
  RELAY_ORIGIN_PATTERN:
    'must be a comma-separated list of exact origins, or templates with one * in the first label over a domain of your own ' +
    'that this deploy’s build checked (https://*.previews.example.com; never a public suffix or shared host such as ' +
    '*.github.io or *.co.uk), or https://*--{SITE_NAME}.netlify.app',
  SITE_NAME: 'must be a Netlify site name',
  CONTEXT: 'must be a Netlify deploy context such as production or deploy-preview',
};

const Origin = v.pipe(
  v.string(),
  v.transform(parseOrigin),
  v.check((origin) => origin !== null),
  v.transform((origin) => origin ?? ''),
);

const ON = ['on', 'true', '1'];
const OFF = ['off', 'false', '0'];

const EnvSchema = v.object({
  FIRMAFON_URL: v.optional(Origin, DEFAULT_FIRMAFON_URL),
  FIRMAFON_PUBSUB_URL: v.optional(
    v.pipe(v.string(), v.transform(parsePushUrl), v.check((url) => url !== null), v.transform((url) => url ?? '')),
    DEFAULT_FIRMAFON_PUBSUB_URL,
  ),
  FIRMAFON_CLIENT_ID: v.optional(v.string()),
  FIRMAFON_CLIENT_SECRET: v.optional(v.string()),
  FIRMAFON_PKCE: v.optional(
    v.pipe(v.string(), v.toLowerCase(), v.picklist([...ON, ...OFF]), v.transform((flag) => ON.includes(flag))),
    'off',
  ),
  FIRMAFON_STATE: v.optional(v.pipe(v.string(), v.toLowerCase(), v.picklist([StateMode.required, StateMode.optional])), StateMode.required),
  ALLOWED_ORIGINS: v.optional(
    v.pipe(
      v.string(),
      v.transform((list) => list.split(',').map((entry) => entry.trim()).filter((entry) => entry !== '')),
      v.array(Origin),
    ),
    '',
  ),
  URL: v.optional(Origin),
  DEPLOY_PRIME_URL: v.optional(Origin),
  DEPLOY_URL: v.optional(Origin),
  FIRMAFON_TIMEOUT_MS: v.optional(
    v.pipe(v.string(), v.regex(/^\d{1,5}$/), v.transform(Number), v.minValue(1), v.maxValue(60_000)),
    '8000',
  ),
  FIRMAFON_REDIRECT_ORIGIN: v.optional(Origin),
  RELAY_SIGNING_KEY: v.optional(v.pipe(v.string(), v.minLength(32))),
  // Parsed in parseEnv: whether a netlify.app template is allowed depends on the site name.
  RELAY_ORIGIN_PATTERN: v.optional(v.pipe(v.string(), v.maxLength(2000))),
  // Set by Netlify; never trusted for a security decision, so only its shape is checked.
  SITE_NAME: v.optional(v.pipe(v.string(), v.maxLength(63))),
  CONTEXT: v.optional(v.pipe(v.string(), v.regex(/^[\w:./-]{1,100}$/))),
});

let cache: { fingerprint: string; result: Result<ServerEnv> } | undefined;

/** The variables Netlify gives only to the build, which the build hands on to the functions (deploy-build-env.ts). */
const BUILD_TIME_KEYS = new Set<Key>(['DEPLOY_PRIME_URL', 'DEPLOY_URL']);

/**
 * Reads and validates the environment. An empty or blank value counts as unset. `DEPLOY_PRIME_URL` and `DEPLOY_URL`
 * come from the run time when set there (netlify-cli sets `DEPLOY_URL` locally), else from what the build captured
 * (`buildEnv`). A bad value gives a 503 `server_misconfigured` failure that names the variable and what it should look
 * like.
 */
export function loadServerEnv(env: EnvRecord = process.env, buildEnv: EnvRecord = DEPLOY_BUILD_ENV): Result<ServerEnv> {
  const raw: Partial<Record<Key, string>> = {};
  for (const key of ENV_KEYS) {
    const value = env[key]?.trim() || (BUILD_TIME_KEYS.has(key) ? buildEnv[key]?.trim() : undefined);
    if (value) raw[key] = value;
  }
  const checkedDomains = new Set((buildEnv.RELAY_PATTERN_DOMAINS ?? '').split(',').filter((domain) => domain !== ''));
  const fingerprint = JSON.stringify([...ENV_KEYS.map((key) => raw[key] ?? null), [...checkedDomains]]);
  if (cache?.fingerprint !== fingerprint) cache = { fingerprint, result: parseEnv(raw, checkedDomains) };
  return cache.result;
}

function parseEnv(raw: Partial<Record<Key, string>>, checkedDomains: ReadonlySet<string>): Result<ServerEnv> {
  const parsed = v.safeParse(EnvSchema, raw);
  if (!parsed.success) {
    const key = parsed.issues[0].path?.[0]?.key;
    const name = ENV_KEYS.find((known) => known === key);
    return refuse(misconfigured(name ? `${name} ${HINTS[name]}.` : 'The environment is not valid.'));
  }
  const e = parsed.output;
  const extra = [e.URL, e.DEPLOY_PRIME_URL, e.DEPLOY_URL].filter((origin) => origin !== undefined);
  const siteName = e.SITE_NAME?.toLowerCase() ?? [e.URL, e.DEPLOY_URL].map((origin) => (origin ? siteNameFromNetlifyOrigin(origin) : null)).find((name) => name !== null) ?? undefined;
  const derived = siteName === undefined ? null : netlifyDeployPattern(siteName);
  const configured = e.RELAY_ORIGIN_PATTERN === undefined ? undefined : parseOriginPatternList(e.RELAY_ORIGIN_PATTERN, { siteName, checkedDomains });
  if (configured === null || configured?.length === 0) return refuse(misconfigured(`RELAY_ORIGIN_PATTERN ${HINTS.RELAY_ORIGIN_PATTERN}.`));
  return ok({
    firmafonUrl: e.FIRMAFON_URL,
    pushUrl: e.FIRMAFON_PUBSUB_URL,
    clientId: e.FIRMAFON_CLIENT_ID,
    clientSecret: e.FIRMAFON_CLIENT_SECRET,
    pkce: e.FIRMAFON_PKCE,
    stateMode: e.FIRMAFON_STATE,
    allowedOrigins: new Set([...e.ALLOWED_ORIGINS, ...extra]),
    timeoutMs: e.FIRMAFON_TIMEOUT_MS,
    redirectOrigin: e.FIRMAFON_REDIRECT_ORIGIN ?? e.URL,
    relaySigningKey: e.RELAY_SIGNING_KEY,
    deployOriginPatterns: configured ?? (derived ? [derived] : []),
    siteName,
    context: e.CONTEXT,
  });
}

/** The registered application's credentials, or a 503 naming whichever variables are unset. */
export function requireClientCredentials(env: ServerEnv): Result<{ clientId: string; clientSecret: string }> {
  const missing = [
    env.clientId === undefined ? 'FIRMAFON_CLIENT_ID' : null,
    env.clientSecret === undefined ? 'FIRMAFON_CLIENT_SECRET' : null,
  ].filter((name) => name !== null);
  if (env.clientId === undefined || env.clientSecret === undefined) {
    const [verb, pronoun] = missing.length === 1 ? ['is', 'it'] : ['are', 'them'];
    return refuse(misconfigured(`${missing.join(' and ')} ${verb} not set; the site owner must set ${pronoun} in the site's environment.`));
  }
  return ok({ clientId: env.clientId, clientSecret: env.clientSecret });
}
