/**
 * The shapes of the relay's signed state and of the nonce in it (docs/decisions/0007). Plain patterns in a module of
 * their own: the functions that only check a state (token, relay) need these, not the request schemas of
 * relay-contract.ts.
 */

/** A sign-in's relay nonce: 32 bytes, base64url without padding — a SHA-256 of its verifier (common/sign-in-binding.ts). */
export const RELAY_NONCE_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** `v1.<base64url payload>.<base64url HMAC-SHA256>`; opaque to the SPA, which stores and compares it as it is. */
export const RELAY_STATE_PATTERN = /^v1\.[A-Za-z0-9_-]{1,1024}\.[A-Za-z0-9_-]{43}$/;
