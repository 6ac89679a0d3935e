/**
 * The token function's check that a code is redeemed for the browser that started its sign-in (docs/decisions/0011):
 * the request must carry that sign-in's secret verifier, and the `state` that came back with the code must have been
 * derived from it — directly for a sign-in through this deploy's own callback, or as the nonce of a signed relay state
 * for a deploy preview. Everything in a URL (code, state, relay state) is useless without the verifier, which never
 * leaves the tab except in this request body. Stateless; refuses before anything is sent to Firmafon.
 */
import { relayNonce, verifyBindingState } from '../../common/sign-in-binding.ts';
import type { StateMode } from '../../common/state-mode.ts';
import type { Failure } from './http.ts';
import { verifyState } from './signed-state.ts';

export interface BindingInput {
  /** `state` as the SPA received it with the code; undefined when the provider dropped it. */
  state: string | undefined;
  verifier: string | undefined;
  stateMode: StateMode;
  /** PKCE with Firmafon (`FIRMAFON_PKCE`). */
  pkce: boolean;
  /** This deploy's relay key, when it signs in through the production relay. */
  relaySigningKey: string | null;
  /** This deploy's own origin, the one its relay states are signed for. */
  selfOrigin: string | null;
  now: number;
}

const refuse = (why: string): Failure => ({ status: 400, error: 'invalid_binding', description: `${why} Please sign in again.` });
const NOT_THIS_BROWSER = 'This sign-in was not started by this browser.';
const TOO_OLD = 'The sign-in took longer than 10 minutes.';

/** `null` when the redemption is bound to the browser that started the sign-in; otherwise a 400 `invalid_binding`. */
export async function checkSignInBinding(input: BindingInput): Promise<Failure | null> {
  const { state, verifier } = input;
  if (verifier === undefined) {
    return refuse('code_verifier is required: it proves that this browser started the sign-in.');
  }
  if (state === undefined) {
    // Only a provider that drops `state` sends none; the optional-state mode requires PKCE, so Firmafon binds the code.
    if (input.stateMode === 'optional' && input.pkce) return null;
    return refuse('state is required: the state that came back with the code.');
  }
  if (state.startsWith('v1.')) {
    if (input.relaySigningKey === null || input.selfOrigin === null) return refuse(NOT_THIS_BROWSER);
    const verified = verifyState({ state, key: input.relaySigningKey, now: input.now });
    if (!verified.ok) return refuse(verified.code === 'expired' ? TOO_OLD : NOT_THIS_BROWSER);
    if (verified.claims.origin !== input.selfOrigin || verified.claims.nonce !== (await relayNonce(verifier))) {
      return refuse(NOT_THIS_BROWSER);
    }
    return null;
  }
  const failure = await verifyBindingState({ state, verifier, nowMs: input.now });
  if (failure === 'expired') return refuse(TOO_OLD);
  if (failure !== null) return refuse(NOT_THIS_BROWSER);
  return null;
}
