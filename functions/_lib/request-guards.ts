/**
 * Checks that a state-changing request comes from the dashboard's own script (cross-site request forgery
 * defence, RFC 9700 §4.7 and the OWASP CSRF cheat sheet): an allowed `Origin` when one is sent, no
 * `Sec-Fetch-Site: cross-site`, and the static custom header that a form or a CORS-simple request cannot set.
 * The functions send no CORS headers, so a foreign page's preflight for that header fails.
 */
import { DASHBOARD_REQUEST_HEADER, DASHBOARD_REQUEST_HEADER_VALUE } from '../../common/routes.ts';
import type { Failure } from './http.ts';
import { isAllowedOrigin } from './origins.ts';

const forbidden = (description: string): Failure => ({ status: 403, error: 'forbidden', description });

/** 403 `forbidden` unless the request looks like the dashboard's own `fetch`; `null` when it does. */
export function checkDashboardRequest(headers: Headers, allowedOrigins: ReadonlySet<string>): Failure | null {
  const origin = headers.get('origin');
  if (origin !== null && !isAllowedOrigin(origin, allowedOrigins)) {
    return forbidden('Requests from this origin are not allowed.');
  }
  if (headers.get('sec-fetch-site')?.toLowerCase() === 'cross-site') {
    return forbidden('Cross-site requests are not allowed.');
  }
  if (headers.get(DASHBOARD_REQUEST_HEADER) !== DASHBOARD_REQUEST_HEADER_VALUE) {
    return forbidden('This request did not come from the dashboard.');
  }
  return null;
}

/** 415 unless the media type (RFC 9110 §8.3.1, parameters such as charset allowed) is `application/json`. */
export function checkJsonContentType(headers: Headers): Failure | null {
  const mediaType = headers.get('content-type')?.split(';', 1)[0]?.trim().toLowerCase();
  if (mediaType === 'application/json') return null;
  return { status: 415, error: 'unsupported_media_type', description: 'Send the request body as application/json.' };
}
