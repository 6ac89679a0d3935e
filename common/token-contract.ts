/**
 * The contract between the SPA and the token function (`POST /api/auth/token`). The function is the
 * confidential client: it adds the client secret; nothing secret crosses this boundary towards the browser.
 */
import * as v from 'valibot';

/** RFC 7636 §4.1: code_verifier = 43*128 unreserved characters. */
export const CODE_VERIFIER_PATTERN = /^[A-Za-z0-9\-._~]{43,128}$/;

export const MAX_CODE_LENGTH = 512;
export const MAX_REDIRECT_URI_LENGTH = 2048;
/** A binding state is ~60 characters, a signed relay state at most 1200. */
export const MAX_STATE_LENGTH = 1200;

export const TokenRequestSchema = v.object({
  code: v.pipe(v.string(), v.trim(), v.minLength(1, 'code is required'), v.maxLength(MAX_CODE_LENGTH, 'code is too long')),
  redirect_uri: v.pipe(
    v.string(),
    v.minLength(1, 'redirect_uri is required'),
    v.maxLength(MAX_REDIRECT_URI_LENGTH, 'redirect_uri is too long'),
    // An absolute URL, as the platform's own parser reads it (RFC 3986 §4.3).
    v.check((uri) => URL.canParse(uri), 'redirect_uri must be an absolute URL'),
  ),
  /**
   * The sign-in's secret (RFC 7636 §4.1 shape): the proof that this browser started the sign-in the code answers,
   * and the PKCE code_verifier when Firmafon checks PKCE. The function refuses a redemption without it.
   */
  code_verifier: v.optional(v.pipe(v.string(), v.regex(CODE_VERIFIER_PATTERN, 'code_verifier is malformed'))),
  /** The `state` that came back with the code (common/sign-in-binding.ts); absent only when the provider dropped it. */
  state: v.optional(v.pipe(v.string(), v.maxLength(MAX_STATE_LENGTH, 'state is too long'))),
});
export type TokenRequest = v.InferOutput<typeof TokenRequestSchema>;
