/**
 * `POST /api/auth/relay-state`: a deploy preview (config.redirectUri set: the production relay) gets the `state`
 * for a sign-in from its own function — the tab's random nonce and this origin, signed — so the relay knows
 * where to send Firmafon's answer (docs/decisions/0007). The SPA stores and compares the string as it is. The
 * answer is checked by hand (common/shape.ts): a resume bounce from the first script runs this.
 */
import type { RelayStateRequest } from '@common/relay-contract.ts';
import { RELAY_STATE_PATTERN } from '@common/relay-state-format.ts';
import { RELAY_STATE_PATH } from '@common/routes.ts';
import { fieldsOf, ShapeError, stringField } from '@common/shape.ts';
import { postToAuthFunction } from './post-to-auth-function.ts';

/** The `state` of the function's `{ state }` answer (common/relay-contract.ts), in the signed format. */
export function parseRelayState(body: unknown): string {
  const state = stringField(fieldsOf(body, 'relay state'), 'state');
  if (!RELAY_STATE_PATTERN.test(state)) throw new ShapeError('state: Invalid format');
  return state;
}

export function getRelayState(nonce: string): Promise<string> {
  const body: RelayStateRequest = { nonce };
  return postToAuthFunction(RELAY_STATE_PATH, body, parseRelayState);
}
