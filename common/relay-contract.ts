/**
 * The contract between the SPA and the relay-state function (`POST /api/auth/relay-state`): a deploy preview sends its
 * tab's random nonce and gets back the signed `state` to use for this sign-in (docs/decisions/0007). Nothing secret
 * crosses this boundary: the signing key stays in the function.
 */
import * as v from 'valibot';

/** The tab's nonce: 32 random bytes, base64url without padding (the SPA's `createState()` makes exactly this). */
export const RELAY_NONCE_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** `v1.<base64url payload>.<base64url HMAC-SHA256>`; opaque to the SPA, which stores and compares it as it is. */
export const RELAY_STATE_PATTERN = /^v1\.[A-Za-z0-9_-]{1,1024}\.[A-Za-z0-9_-]{43}$/;

export const RelayStateRequestSchema = v.strictObject({
  nonce: v.pipe(v.string('nonce must be a string'), v.regex(RELAY_NONCE_PATTERN, 'nonce must be 43 base64url characters')),
});
export type RelayStateRequest = v.InferOutput<typeof RelayStateRequestSchema>;

export const RelayStateResponseSchema = v.object({
  state: v.pipe(v.string(), v.regex(RELAY_STATE_PATTERN)),
});
export type RelayStateResponse = v.InferOutput<typeof RelayStateResponseSchema>;
