/**
 * `POST /api/auth/relay-state`: a deploy preview (config.redirectUri set: the production relay) gets the `state`
 * for a sign-in from its own function — the tab's random nonce and this origin, signed — so the relay knows
 * where to send Firmafon's answer (docs/decisions/0007). The SPA stores and compares the string as it is.
 */
import { RelayStateResponseSchema, type RelayStateRequest } from '@common/relay-contract.ts';
import { RELAY_STATE_PATH } from '@common/routes.ts';
import { postToAuthFunction } from './post-to-auth-function.ts';

export async function getRelayState(nonce: string): Promise<string> {
  const body: RelayStateRequest = { nonce };
  return (await postToAuthFunction(RELAY_STATE_PATH, body, RelayStateResponseSchema)).state;
}
