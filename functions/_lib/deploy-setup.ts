/**
 * Per request: which deploy of the site is answering, and how it signs in. A function learns its deploy from three
 * places — `URL` and `SITE_NAME` from the run-time environment, `DEPLOY_PRIME_URL` and `DEPLOY_URL` as its build
 * captured them (deploy-build-env.ts), the deploy id and context from the handler's context object — and this is
 * decided here, per request, and used by the config, relay-state, token and relay functions alike
 * (docs/decisions/0007).
 *
 * Trust: the request's origin comes from its Host header, which a client can set. It only ever picks one of this
 * deploy's own origins (the exact list above, never a pattern match); a request naming any other origin, even another
 * deploy of this site, gets no relay, no signed state and no place on the CSRF list.
 */
import * as v from 'valibot';
import { RELAY_PATH } from '../../common/routes.ts';
import type { ServerEnv } from './env.ts';
import { matchesOriginPattern } from './origin-patterns.ts';
import { allowedRedirectUris, parseOrigin } from './origins.ts';

/** What the Netlify runtime tells a function about its deploy (part of the handler's second argument). */
export interface NetlifyDeployInfo {
  /** `production`, `deploy-preview`, `branch-deploy`, `dev`. */
  context: string | undefined;
  /** The deploy id (24 hex digits on Netlify). */
  id: string | undefined;
}

const NetlifyContextSchema = v.object({
  deploy: v.optional(
    v.object({
      context: v.optional(v.string()),
      id: v.optional(v.string()),
    }),
  ),
});

/** Reads the deploy from a Netlify Functions v2 context object; anything missing or odd is simply unknown. */
export function readDeployInfo(context: unknown): NetlifyDeployInfo {
  const parsed = v.safeParse(NetlifyContextSchema, context);
  const deploy = parsed.success ? parsed.output.deploy : undefined;
  return { context: deploy?.context || undefined, id: deploy?.id || undefined };
}

export interface SignInSetup {
  /**
   * The one of this deploy's own origins that the request arrived on (see the module comment); `null` when the request
   * names none of them (then nothing relays and nothing is signed). The only origin relay-state ever signs.
   */
  selfOrigin: string | null;
  /** Origins whose script may call the functions (the CSRF guard's list). */
  allowedOrigins: ReadonlySet<string>;
  /** The redirect URIs the token function accepts for this deploy. */
  allowedRedirectUris: ReadonlySet<string>;
  /** Set when this deploy signs in through the production relay: the redirect URI to use and the state key. */
  relay: { redirectUri: string; signingKey: string } | null;
  /** Why `relay` is null, for the relay-state function's answer; names variables, never values. */
  relayUnavailable: string | null;
  /** This deploy's context, from Netlify's context object or `CONTEXT`; informational only. */
  deployContext: string | undefined;
}

/** The permalink of a Netlify deploy, `https://{id}--{site}.netlify.app`, when both parts are known. */
function permalinkOrigin(env: ServerEnv, deploy: NetlifyDeployInfo): string | null {
  if (env.siteName === undefined || deploy.id === undefined || !/^[0-9a-f]{24}$/.test(deploy.id)) return null;
  return parseOrigin(`https://${deploy.id}--${env.siteName}.netlify.app`);
}

/** Is `origin` a deploy the relay may send an answer to? One of this site's deploy origins, never the relay's own. */
export function isRelayTarget(origin: string, env: ServerEnv): boolean {
  return origin !== env.redirectOrigin && matchesOriginPattern(origin, env.deployOriginPatterns);
}

/**
 * Relay mode (docs/decisions/0007): this deploy's origin is not the registered one, the provider is trusted to echo
 * `state` (FIRMAFON_STATE=required), a signing key is set, and the relay would accept this origin as a target.
 */
export function resolveSignInSetup({ env, requestUrl, deploy }: { env: ServerEnv; requestUrl: string; deploy: NetlifyDeployInfo }): SignInSetup {
  const requestOrigin = URL.canParse(requestUrl) ? parseOrigin(new URL(requestUrl).origin) : null;
  const known = new Set(env.allowedOrigins);
  if (env.redirectOrigin !== undefined) known.add(env.redirectOrigin);
  const permalink = permalinkOrigin(env, deploy);
  if (permalink !== null) known.add(permalink);
  // Taken from `known`, not from the request: the request only says which of them it arrived on.
  const selfOrigin = [...known].find((origin) => origin === requestOrigin) ?? null;

  const relayUnavailable =
    selfOrigin === null
      ? 'This origin is not one of this deploy’s own origins (URL, DEPLOY_PRIME_URL and DEPLOY_URL as its build saw them, its permalink, ALLOWED_ORIGINS).'
      : env.redirectOrigin === undefined
        ? 'FIRMAFON_REDIRECT_ORIGIN (or Netlify’s URL) is not set.'
        : selfOrigin === env.redirectOrigin
          ? 'This deploy signs in through its own callback; it does not use the relay.'
          : env.stateMode !== 'required'
            ? 'The relay needs FIRMAFON_STATE=required; with optional state, deploy previews use their own registration.'
            : env.relaySigningKey === undefined
              ? 'RELAY_SIGNING_KEY is not set.'
              : !isRelayTarget(selfOrigin, env)
                ? 'This origin does not match RELAY_ORIGIN_PATTERN, so the relay would refuse it.'
                : null;
  const relay =
    relayUnavailable === null && env.redirectOrigin !== undefined && env.relaySigningKey !== undefined
      ? { redirectUri: `${env.redirectOrigin}${RELAY_PATH}`, signingKey: env.relaySigningKey }
      : null;

  return {
    selfOrigin,
    allowedOrigins: known,
    allowedRedirectUris: allowedRedirectUris(known, relay?.redirectUri),
    relay,
    relayUnavailable,
    deployContext: deploy.context ?? env.context,
  };
}
