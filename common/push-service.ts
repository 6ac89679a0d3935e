/**
 * Firmafon's push service (Faye/Bayeux, firmafon-api.md "Team, presence and push"): where it is, and what the
 * Content-Security-Policy must allow so the browser may reach exactly it. `FIRMAFON_PUBSUB_URL` is read by the
 * build (the policy, written into dist/_headers) and by the config function (the URL the SPA connects to), both
 * through {@link parsePushUrl}, so the two cannot disagree about what a valid value is.
 */
import { isHttpsOrLoopback } from './secure-url.ts';

/** Firmafon's own push service. */
export const DEFAULT_FIRMAFON_PUBSUB_URL = 'https://pubsub.firmafon.dk/faye';

/** What a valid `FIRMAFON_PUBSUB_URL` looks like, for the site owner. */
export const PUBSUB_URL_HINT = 'must be an https URL such as https://pubsub.firmafon.dk/faye (http only for localhost), without a query or fragment';

/**
 * `value` as a push endpoint URL (normalised, e.g. `https://pubsub.firmafon.dk/faye`), or `null` when it is not
 * one: https only (http for loopback hosts, as the local sandbox serves it), no credentials, query or fragment.
 */
export function parsePushUrl(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return null;
  }
  if (url.username !== '' || url.password !== '' || /[?#]/.test(value)) return null;
  if (!isHttpsOrLoopback(url)) return null;
  return url.href;
}

/**
 * The `connect-src` sources for a push URL: its origin, and the same host for WebSocket (`wss:` for https, `ws:` for
 * the local sandbox's http), which Faye upgrades to once connected.
 */
export function pushConnectSources(pushUrl: string): string[] {
  const url = new URL(pushUrl);
  return [url.origin, `${url.protocol === 'https:' ? 'wss:' : 'ws:'}//${url.host}`];
}

/**
 * The Content-Security-Policy of every page. The SPA talks to its own functions ('self', which reach Firmafon's
 * API) and to Firmafon's push service, and to nothing else. SECURITY.md explains each directive:
 * - media-src blob: voicemails play from a Blob URL of a sound fetched with the token in a header (ADR 12);
 * - form-action 'self': the only form (the call filters) stays here; the sign-in leaves by navigation.
 */
export function contentSecurityPolicy(pushUrl: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self' ${pushConnectSources(pushUrl).join(' ')}`,
    "media-src 'self' blob:",
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}

/**
 * The push URL from an environment: `FIRMAFON_PUBSUB_URL`, else Firmafon's own. Throws, naming the variable, when it
 * is set to something that is not a push URL (the build stops; the config function answers 503).
 */
export function pushUrlFromEnv(env: Readonly<Record<string, string | undefined>>): string {
  const raw = env.FIRMAFON_PUBSUB_URL?.trim();
  if (!raw) return DEFAULT_FIRMAFON_PUBSUB_URL;
  const url = parsePushUrl(raw);
  if (url === null) throw new Error(`FIRMAFON_PUBSUB_URL ${PUBSUB_URL_HINT}.`);
  return url;
}
