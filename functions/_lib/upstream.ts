/**
 * One request from a function to Firmafon, with the failures every caller answers the same way: no answer in time
 * → 504 `upstream_timeout`, no answer at all → 502 `upstream_unavailable`, an informational or redirect status →
 * 502 `upstream_invalid_response` with the body discarded. Redirects are never followed: they would carry the
 * bearer token or the client secret to a place we did not choose (RFC 9110 §15.4).
 */
import { ok, refuse, type Failure, type Result } from './http.ts';

export const UPSTREAM_TIMEOUT = {
  status: 504,
  error: 'upstream_timeout',
  description: 'Firmafon did not answer in time. Please try again.',
} as const satisfies Failure;

export const UPSTREAM_UNAVAILABLE = {
  status: 502,
  error: 'upstream_unavailable',
  description: 'Firmafon could not be reached. Please try again later.',
} as const satisfies Failure;

export interface UpstreamOptions {
  /** The whole exchange, body included, is aborted after this long. */
  timeoutMs: number;
  /** The sentence for a 1xx/3xx answer; it says what the caller was doing. */
  invalidResponseDescription: string;
  fetch?: typeof fetch;
}

/** The request init a caller may choose; `redirect` and `signal` are this module's. */
export type UpstreamInit = Omit<RequestInit, 'redirect' | 'signal'>;

export interface UpstreamAnswer {
  /** A final answer: status 200–299 or ≥ 400. */
  response: Response;
  /** The timeout's signal, still running while the caller reads the body (aborted ⇒ report a timeout). */
  signal: AbortSignal;
}

/** Sends one request to Firmafon. Never throws for a network failure; never follows a redirect. */
export async function fetchUpstream(url: string, init: UpstreamInit, options: UpstreamOptions): Promise<Result<UpstreamAnswer>> {
  const signal = AbortSignal.timeout(options.timeoutMs);
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(url, { ...init, redirect: 'manual', signal });
  } catch {
    return refuse(signal.aborted ? UPSTREAM_TIMEOUT : UPSTREAM_UNAVAILABLE);
  }
  if (response.status < 200 || (response.status >= 300 && response.status < 400)) {
    // A redirect (e.g. to a login page) is not an API answer.
    await discardBody(response);
    return refuse({ status: 502, error: 'upstream_invalid_response', description: options.invalidResponseDescription });
  }
  return ok({ response, signal });
}

/** Lets go of a body we will not read, so the connection is freed. */
export async function discardBody(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}
