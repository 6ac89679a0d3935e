/**
 * Decides whether an authorization response that arrived at /auth/callback may be redeemed (RFC 6749 §4.1.2,
 * §10.12; RFC 9700 §4.7 on CSRF; OAuth 2.0 for Browser-Based Apps). Pure: the caller reads the URL and the
 * tab's pending sign-ins, and afterwards consumes `pending` (delete + mark its state consumed) whatever the
 * outcome, so a response is redeemed at most once.
 */
import type { StateMode } from '@common/state-mode.ts';
import { isLive, type PendingSignIn } from './pending-sign-in-store.ts';

export interface CallbackParams {
  code: string | null;
  state: string | null;
  error: string | null;
  errorDescription: string | null;
}

export type CallbackErrorCode =
  /** A state came back that no sign-in in this tab started: forged or cross-tab. Nothing is sent. */
  | 'state_mismatch'
  /** No state came back and this tab cannot vouch for the response. Nothing is sent. */
  | 'no_pending_sign_in'
  /** A state this tab already redeemed (reload, back button). */
  | 'replayed'
  /** Firmafon answered with `error` (e.g. access_denied). */
  | 'provider_error'
  /** A verified response without a code. */
  | 'missing_code'
  /** /auth/callback without any parameter (e.g. a reload after the URL was cleaned). */
  | 'no_parameters';

export type CallbackVerification =
  | { ok: true; code: string; pending: PendingSignIn }
  | {
      ok: false;
      code: CallbackErrorCode;
      /** The pending sign-in the response belonged to, to be consumed; null when none matched. */
      pending: PendingSignIn | null;
      providerError?: string;
      providerErrorDescription?: string | null;
    };

export interface VerifyCallbackInput {
  params: CallbackParams;
  pendingSignIns: readonly PendingSignIn[];
  /** States this tab has already redeemed. */
  consumedStates: readonly string[];
  /**
   * `required`: a response must carry the state of a pending sign-in. `optional` (for a provider that drops
   * `state`): a response without state is accepted only for this tab's newest live sign-in that sent PKCE —
   * PKCE then binds the code to this tab instead (RFC 9700 §2.1.1, §4.7.1).
   */
  stateMode: StateMode;
  now: number;
}

export function verifyCallback({ params, pendingSignIns, consumedStates, stateMode, now }: VerifyCallbackInput): CallbackVerification {
  const { code, state, error } = params;
  const refuse = (reason: CallbackErrorCode, pending: PendingSignIn | null = null): CallbackVerification => ({ ok: false, code: reason, pending });
  // An empty parameter counts as absent.
  if (!code && !state && !error) return refuse('no_parameters');

  const live = pendingSignIns.filter((p) => isLive(p, now));
  let pending: PendingSignIn | undefined;
  if (state) {
    if (consumedStates.includes(state)) return refuse('replayed');
    pending = live.find((p) => p.state === state);
    if (!pending) return refuse('state_mismatch');
  } else {
    if (stateMode !== 'optional') return refuse('no_pending_sign_in');
    pending = live.filter((p) => p.codeVerifier).sort((a, b) => b.createdAt - a.createdAt)[0];
    if (!pending) return refuse('no_pending_sign_in');
  }

  if (error) return { ok: false, code: 'provider_error', pending, providerError: error, providerErrorDescription: params.errorDescription };
  if (!code) return refuse('missing_code', pending);
  return { ok: true, code, pending };
}
