/**
 * Which browser origins may use the functions, and which redirect URIs the token function accepts.
 * The redirect URI is compared as an exact string (RFC 9700 §4.1.3 and §2.1: exact matching, no patterns),
 * so what we check is byte for byte what we forward to Firmafon.
 */
import { CALLBACK_PATH } from '../../common/routes.ts';
import { isHttpsOrLoopback } from '../../common/secure-url.ts';

/**
 * Parses `value` as a bare origin (`scheme://host[:port]`, a trailing `/` tolerated) and returns its
 * normalised form (lowercase scheme and host, default port dropped), or `null` when it is not one.
 * Only `https:` is accepted, and `http:` for loopback hosts (RFC 9700 §2.1, RFC 8252 §8.3).
 */
export function parseOrigin(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.username !== '' || url.password !== '') return null;
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '') return null;
  // `new URL` drops an empty `?` or `#`; an origin has neither.
  if (/[?#]/.test(value)) return null;
  return isHttpsOrLoopback(url) ? url.origin : null;
}

/**
 * Is the `Origin` request header (RFC 6454 §7) one of ours? Browsers send it serialised; we normalise anyway so
 * `ALLOWED_ORIGINS` spelled with capitals still matches. `null` (opaque origins) never matches.
 */
export function isAllowedOrigin(originHeader: string, allowedOrigins: ReadonlySet<string>): boolean {
  const origin = parseOrigin(originHeader);
  return origin !== null && allowedOrigins.has(origin);
}

/**
 * The redirect URIs the token function accepts — the one place that list is made: `{origin}/auth/callback` for each
 * allowed origin, plus the production relay's URL (`{FIRMAFON_REDIRECT_ORIGIN}/auth/relay`) for a deploy that signs in
 * through it (deploy-setup.ts decides that, docs/decisions/0007).
 */
export function allowedRedirectUris(allowedOrigins: ReadonlySet<string>, relayRedirectUri?: string): ReadonlySet<string> {
  const uris = new Set([...allowedOrigins].map((origin) => `${origin}${CALLBACK_PATH}`));
  if (relayRedirectUri !== undefined) uris.add(relayRedirectUri);
  return uris;
}

/**
 * RFC 6749 §4.1.3 / RFC 9700 §4.1.3: the token request's `redirect_uri` must be exactly one we registered for
 * this site — no extra path, query, fragment, userinfo, port spelling or case difference.
 */
export function isAllowedRedirectUri(redirectUri: string, allowedOrigins: ReadonlySet<string>, relayRedirectUri?: string): boolean {
  return allowedRedirectUris(allowedOrigins, relayRedirectUri).has(redirectUri);
}
