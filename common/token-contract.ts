/**
 * The contract between the SPA and the token function (`POST /api/auth/token`). The function is the
 * confidential client: it adds the client secret; nothing secret crosses this boundary towards the browser.
 */
import * as v from 'valibot';

/** RFC 7636 §4.1: code_verifier = 43*128 unreserved characters. */
export const CODE_VERIFIER_PATTERN = /^[A-Za-z0-9\-._~]{43,128}$/;

export const MAX_CODE_LENGTH = 512;
export const MAX_REDIRECT_URI_LENGTH = 2048;

export const TokenRequestSchema = v.object({
  code: v.pipe(v.string(), v.trim(), v.minLength(1, 'code is required'), v.maxLength(MAX_CODE_LENGTH, 'code is too long')),
  redirect_uri: v.pipe(
    v.string(),
    v.minLength(1, 'redirect_uri is required'),
    v.maxLength(MAX_REDIRECT_URI_LENGTH, 'redirect_uri is too long'),
    v.url('redirect_uri must be an absolute URL'),
  ),
  code_verifier: v.optional(v.pipe(v.string(), v.regex(CODE_VERIFIER_PATTERN, 'code_verifier is malformed'))),
});
export type TokenRequest = v.InferOutput<typeof TokenRequestSchema>;

export const TokenResponseSchema = v.object({
  access_token: v.pipe(v.string(), v.minLength(1), v.maxLength(4096)),
  /** Seconds, when the provider says; Firmafon documents none. */
  expires_in: v.optional(v.number()),
});
export type TokenResponse = v.InferOutput<typeof TokenResponseSchema>;
