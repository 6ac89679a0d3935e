/**
 * The same-origin proxy to Firmafon's REST API: `/api/firmafon/<path>?<query>` → `{FIRMAFON_URL}/api/v2/<path>?<query>`.
 * It forwards the bearer token (RFC 6750 §2.1) and nothing else that identifies the browser (no cookies), adds
 * nothing, stores nothing and logs no token. Upstream answers pass through with a short list of headers.
 */
import { FIRMAFON_API_BASE_PATH, PROXY_PREFIX } from '../../common/routes.ts';
import { ok, refuse, BASE_HEADERS, type Failure, type Result } from './http.ts';
import { ACCESS_TOKEN_PATTERN } from './oauth-exchange.ts';
import { discardBody, fetchUpstream } from './upstream.ts';

/** One or more `[A-Za-z0-9_-]` segments: no dots (so no `..`), no percent-escapes (so no `%2F`), no empty segments. */
const PATH_PATTERN = /^[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*$/;
const MAX_PATH_LENGTH = 512;

/**
 * A static page's name (`calls/x.html`, `calls/x/index.htm`). Firmafon's API has none, so it is not found. This is
 * also how a local run stays right: netlify-cli re-asks a function that answered 404 for these variants of the path
 * (as its CDN emulation does for static files), and a 400 for them would replace Firmafon's 404.
 */
const STATIC_PAGE_PATTERN = /^[A-Za-z0-9_/-]+\.html?$/;

/**
 * A token name anywhere in a parameter's name (RFC 6750 §2.3, and Doorkeeper's `bearer_token`): Rack and Rails read
 * `[access_token]`, ` access_token` or `x[access_token]` in ways of their own, so no spelling of it goes through.
 */
const TOKEN_IN_NAME = /access_token|bearer_token/i;
/** How many rounds of percent-decoding a name gets before it is judged (`%2561` → `%61` → `a`). */
const NAME_DECODING_ROUNDS = 3;

/**
 * Upstream response headers the browser may see. Everything else (cookies, caching, server details, and `Link`,
 * whose absolute upstream URLs the SPA does not use) stays behind.
 */
const PASSED_HEADERS = ['content-type', 'retry-after', 'www-authenticate'] as const;

/** RFC 9110 §15.3.5/§15.3.6/§15.4.5: statuses whose responses cannot carry a body. */
const NULL_BODY_STATUSES = new Set([204, 205, 304]);

/**
 * Maps a request URL onto Firmafon's API: 404 when it is not under the prefix or names a static page, 400 when the
 * path or query is not one we forward. The URL has already been normalised by `new URL` (dot segments resolved).
 */
export function proxyTarget(requestUrl: URL, firmafonUrl: string): Result<string> {
  const prefix = `${PROXY_PREFIX}/`;
  if (!requestUrl.pathname.startsWith(prefix) || requestUrl.pathname === prefix) {
    return refuse({ status: 404, error: 'not_found', description: 'Name a Firmafon API path after /api/firmafon/.' });
  }
  const path = requestUrl.pathname.slice(prefix.length);
  if (path.length <= MAX_PATH_LENGTH && STATIC_PAGE_PATTERN.test(path)) {
    return refuse({ status: 404, error: 'not_found', description: 'Firmafon has nothing at this path.' });
  }
  if (path.length > MAX_PATH_LENGTH || !PATH_PATTERN.test(path)) {
    return refuse({ status: 400, error: 'invalid_request', description: 'This Firmafon API path is not allowed.' });
  }
  if (!isForwardableQuery(requestUrl.search)) {
    return refuse({
      status: 400,
      error: 'invalid_request',
      description: 'Send the access token in the Authorization header, and no semicolon or token parameter in the query string.',
    });
  }
  return ok(`${firmafonUrl}${FIRMAFON_API_BASE_PATH}/${path}${requestUrl.search}`);
}

/**
 * The query is forwarded byte for byte, so it is judged as the upstream's parsers might read it: no `;` at all (some
 * split on it as on `&`), and no parameter whose name, once decoded as a form and then percent-decoded up to three
 * more times (until nothing changes or nothing more decodes), holds `;` or a token name.
 */
function isForwardableQuery(search: string): boolean {
  if (search.includes(';')) return false;
  for (const name of new URLSearchParams(search).keys()) {
    let decoded = name;
    for (let round = 0; ; round += 1) {
      if (decoded.includes(';') || TOKEN_IN_NAME.test(decoded)) return false;
      if (round === NAME_DECODING_ROUNDS) break;
      let next: string;
      try {
        next = decodeURIComponent(decoded);
      } catch {
        break; // a stray `%`: no parser decodes this any further either
      }
      if (next === decoded) break;
      decoded = next;
    }
  }
  return true;
}

/** The `Authorization: Bearer …` credential (RFC 6750 §2.1), or 401 `invalid_token` with a challenge (§3). */
export function bearerAuthorization(headers: Headers): Result<string> {
  const match = /^Bearer +(\S+)$/i.exec(headers.get('authorization') ?? '');
  if (match?.[1] === undefined || !ACCESS_TOKEN_PATTERN.test(match[1])) {
    return refuse({
      status: 401,
      error: 'invalid_token',
      description: 'Sign in to use the Firmafon API.',
      headers: { 'WWW-Authenticate': 'Bearer' },
    });
  }
  return ok(`Bearer ${match[1]}`);
}

export interface ForwardOptions {
  method: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'DELETE';
  targetUrl: string;
  /** A write's Rails form body (proxy-writes.ts); reads and DELETE send none. */
  formBody?: string;
  authorization: string;
  acceptLanguage: string | null;
  timeoutMs: number;
  fetch?: typeof fetch;
}

/**
 * Sends the request to Firmafon once and streams the answer back; 504/502 failures when there is none. A write is
 * never retried: after a timeout Firmafon may still have acted on it.
 */
export async function forwardToFirmafon(options: ForwardOptions): Promise<Response | Failure> {
  const headers: Record<string, string> = { Authorization: options.authorization, Accept: 'application/json' };
  if (options.acceptLanguage !== null) headers['Accept-Language'] = options.acceptLanguage;
  if (options.formBody !== undefined) headers['Content-Type'] = 'application/x-www-form-urlencoded; charset=utf-8';
  const answer = await fetchUpstream(
    options.targetUrl,
    { method: options.method, headers, ...(options.formBody !== undefined ? { body: options.formBody } : {}) },
    {
      timeoutMs: options.timeoutMs,
      invalidResponseDescription: 'Firmafon answered with a redirect the dashboard cannot follow.',
      ...(options.fetch ? { fetch: options.fetch } : {}),
    },
  );
  if (!answer.ok) return answer.failure;
  const upstream = answer.value.response;
  const passed: Record<string, string> = {};
  for (const name of PASSED_HEADERS) {
    const value = upstream.headers.get(name);
    if (value !== null) passed[name] = value;
  }
  const withoutBody = options.method === 'HEAD' || NULL_BODY_STATUSES.has(upstream.status);
  if (withoutBody) await discardBody(upstream);
  return new Response(withoutBody ? null : upstream.body, {
    status: upstream.status,
    headers: { ...passed, ...BASE_HEADERS },
  });
}
