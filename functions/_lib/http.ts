/**
 * Response helpers for every function. Each answer carries `Cache-Control: no-store` (RFC 6749 §5.1: responses
 * holding tokens or credentials must not be cached) and `X-Content-Type-Options: nosniff`, and never any CORS
 * header: the functions are same-origin only. Error bodies use the RFC 6749 §5.2 shape with our own fixed
 * sentences, never upstream text or request values.
 */
import type { ErrorBody, ErrorCode } from '../../common/errors.ts';

/** Headers added to every response the functions send, including passed-through proxy responses. */
export const BASE_HEADERS: Readonly<Record<string, string>> = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  // A response opened directly in a tab must never run script or load anything on our origin.
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'; sandbox",
};

/** An expected refusal: the status, the stable code and a fixed sentence for the SPA or the site owner. */
export interface Failure {
  status: number;
  error: ErrorCode;
  description: string;
  headers?: Record<string, string>;
}

/** A lib function's answer: a value, or a refusal that maps straight onto an HTTP response. */
export type Result<T> = { ok: true; value: T } | { ok: false; failure: Failure };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const refuse = (failure: Failure): { ok: false; failure: Failure } => ({ ok: false, failure });

/** A JSON response with the base headers. */
export function jsonResponse(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  return new Response(JSON.stringify(body), {
    status: init.status ?? 200,
    headers: { ...init.headers, ...BASE_HEADERS, 'Content-Type': 'application/json' },
  });
}

/** The `{ error, error_description }` response for a failure. */
export function failureResponse(failure: Failure): Response {
  const body: ErrorBody = { error: failure.error, error_description: failure.description };
  return jsonResponse(body, { status: failure.status, ...(failure.headers ? { headers: failure.headers } : {}) });
}

/** RFC 9110 §15.5.6: 405 names the methods that are allowed in `Allow`. */
export function methodNotAllowed(allowed: readonly string[]): Failure {
  return {
    status: 405,
    error: 'method_not_allowed',
    description: `This endpoint only accepts ${allowed.length > 1 ? `${allowed.slice(0, -1).join(', ')} and ${allowed.at(-1)}` : allowed.join('')}.`,
    headers: { Allow: allowed.join(', ') },
  };
}

/** The site owner's environment is incomplete or invalid; names the variable, never its value. */
export function misconfigured(description: string): Failure {
  return { status: 503, error: 'server_misconfigured', description };
}

/**
 * Wraps an entry handler so every failure is logged as one line (`scope status code`; never a token, code,
 * secret or body) and an unexpected exception still becomes a JSON 500 with the base headers. `context` is the
 * Netlify Functions v2 context object (deploy id and context), passed through untyped: deploy-setup.ts parses it.
 */
export function respond(
  scope: string,
  handle: (req: Request, context: unknown) => Promise<Response | Failure>,
): (req: Request, context?: unknown) => Promise<Response> {
  return async (req, context) => {
    let outcome: Response | Failure;
    try {
      outcome = await handle(req, context);
    } catch (error) {
      // The error's message may hold request data: log only its class.
      console.error(`${scope}: 500 internal_error (${error instanceof Error ? error.name : typeof error})`);
      return failureResponse({ status: 500, error: 'internal_error', description: 'Something went wrong on our side.' });
    }
    if (outcome instanceof Response) return outcome;
    console.warn(`${scope}: ${outcome.status} ${outcome.error}`);
    return failureResponse(outcome);
  };
}
