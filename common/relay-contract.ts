/**
 * The contract between the SPA and the relay-state function (`POST /api/auth/relay-state`): a deploy preview sends the
 * nonce of its sign-in (derived from the sign-in's verifier) and gets back the signed `state` to use for this sign-in
 * (docs/decisions/0007, 0011). Nothing secret crosses this boundary: the signing key stays in the function.
 */
import * as v from 'valibot';
import { RELAY_NONCE_PATTERN, RELAY_STATE_PATTERN } from './relay-state-format.ts';

export const RelayStateRequestSchema = v.strictObject({
  nonce: v.pipe(v.string('nonce must be a string'), v.regex(RELAY_NONCE_PATTERN, 'nonce must be 43 base64url characters')),
});
export type RelayStateRequest = v.InferOutput<typeof RelayStateRequestSchema>;

export const RelayStateResponseSchema = v.object({
  state: v.pipe(v.string(), v.regex(RELAY_STATE_PATTERN)),
});
export type RelayStateResponse = v.InferOutput<typeof RelayStateResponseSchema>;
