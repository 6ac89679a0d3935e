/**
 * Paths shared by the SPA, the functions and the tests. One place, so a route can never drift
 * between the side that serves it and the side that calls it.
 */

/** The SPA route Firmafon redirects back to: the redirect URI is always `{origin}${CALLBACK_PATH}`. */
export const CALLBACK_PATH = '/auth/callback';

/** The dashboard's pages outside sign-in live under this prefix (the callback, the relay); every other page needs it. */
export const AUTH_PATH_PREFIX = '/auth/';

/** Where `/` leads a signed-in person, and where a sign-in returns to when it has nowhere better. */
export const HOME_PAGE_PATH = '/calls';

/** Token exchange function (POST only). */
export const TOKEN_PATH = '/api/auth/token';

/**
 * The sign-in relay on the production site (a function): deploy previews use `{FIRMAFON_REDIRECT_ORIGIN}${RELAY_PATH}`
 * as their redirect URI, and it forwards Firmafon's answer to the preview named in the signed `state`.
 * Registered at Firmafon beside the production callback (docs/decisions/0007).
 */
export const RELAY_PATH = '/auth/relay';

/** Signs a relay `state` for this deploy's own origin (POST only; used by deploy previews before leaving for Firmafon). */
export const RELAY_STATE_PATH = '/api/auth/relay-state';

/** Public, non-secret configuration for the SPA (client id, authorize URL, modes). */
export const CONFIG_PATH = '/api/config';

/** Same-origin proxy prefix: `${PROXY_PREFIX}/calls` → `{FIRMAFON_URL}/api/v2/calls`. */
export const PROXY_PREFIX = '/api/firmafon';

/** Firmafon's API lives under this path on `FIRMAFON_URL`. */
export const FIRMAFON_API_BASE_PATH = '/api/v2';

/**
 * Static custom request header the SPA sends to the token function. A cross-site HTML form or a CORS
 * "simple request" cannot set it, so its presence proves the request came from script on an allowed
 * origin (the function sends no CORS allowance, so a foreign page's preflight fails).
 */
export const DASHBOARD_REQUEST_HEADER = 'X-Firmafon-Dashboard';
export const DASHBOARD_REQUEST_HEADER_VALUE = '1';

/** Default Firmafon origin when `FIRMAFON_URL` is not set. */
export const DEFAULT_FIRMAFON_URL = 'https://app.firmafon.dk';

/**
 * Fetches a voicemail's sound (Firmafon's `sound.url`, passed as `?url=`) with the token in a header, so the token
 * never travels in a URL; the SPA plays the answer from a Blob URL (docs/decisions/0012).
 */
export const VOICEMAIL_SOUND_PATH = '/api/voicemail-sound';
