/**
 * Stable error codes shared by the functions (which answer with them) and the SPA (which maps them to
 * words a person understands). OAuth codes follow RFC 6749 §5.2 / §4.1.2.1; the rest are our own.
 */
export const ErrorCode = {
  // RFC 6749
  invalidRequest: 'invalid_request',
  invalidGrant: 'invalid_grant',
  invalidClient: 'invalid_client',
  unauthorizedClient: 'unauthorized_client',
  unsupportedGrantType: 'unsupported_grant_type',
  invalidScope: 'invalid_scope',
  accessDenied: 'access_denied',
  // HTTP-level refusals by our functions
  methodNotAllowed: 'method_not_allowed',
  unsupportedMediaType: 'unsupported_media_type',
  payloadTooLarge: 'payload_too_large',
  forbidden: 'forbidden',
  notFound: 'not_found',
  rateLimited: 'rate_limited',
  // Firmafon (upstream) trouble, seen from our functions
  upstreamUnavailable: 'upstream_unavailable',
  upstreamTimeout: 'upstream_timeout',
  upstreamInvalidResponse: 'upstream_invalid_response',
  // The deploy is not configured (e.g. no client id)
  serverMisconfigured: 'server_misconfigured',
  // POST /api/auth/relay-state on a deploy that does not sign in through the relay (production, or relay not set up)
  relayNotAvailable: 'relay_not_available',
  // A code presented without the secret of the browser that started its sign-in (docs/decisions/0011)
  invalidBinding: 'invalid_binding',
  // A bug in our functions (an unexpected exception); the answer is still JSON with this code
  internalError: 'internal_error',
  // API access
  invalidToken: 'invalid_token',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** The JSON error body every function answers with (RFC 6749 §5.2 shape). */
export interface ErrorBody {
  error: string;
  error_description?: string | undefined;
}
