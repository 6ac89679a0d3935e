/**
 * Decides whether an authorization response that arrived at /auth/callback may be redeemed (RFC 6749 §4.1.2,
 * §10.12; RFC 9700 §4.7 on CSRF; OAuth 2.0 for Browser-Based Apps). Pure: the caller reads the URL and the
 * tab's pending sign-ins, and afterwards consumes `pending` (delete + mark its state consumed) whatever the
 * outcome, so a response is redeemed at most once.
 */
import type { StateMode } from '@common/state-mode.ts';
import { PENDING_SIGN_IN_MAX_AGE_MS, type PendingSignIn } from './pending-sign-in-store.ts';

export interface CallbackParams {
  code: string | null;
  state: string | null;
  error: string | null;
  errorDescription: string | null;
}

export const CallbackErrorCode = {
  /** A state came back that no sign-in in this tab started: forged or cross-tab. Nothing is sent. */
  stateMismatch: 'state_mismatch',
  /** No state came back and this tab cannot vouch for the response. Nothing is sent. */
  noPendingSignIn: 'no_pending_sign_in',
  /** A state this tab already redeemed (reload, back button). */
  replayed: 'replayed',
  /** Firmafon answered with `error` (e.g. access_denied). */
  providerError: 'provider_error',
  /** A verified response without a code. */
  missingCode: 'missing_code',
  /** /auth/callback without any parameter (e.g. a reload after the URL was cleaned). */
  noParameters: 'no_parameters',
} as const;
export type CallbackErrorCode = (typeof CallbackErrorCode)[keyof typeof CallbackErrorCode];

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

function isLive(pending: PendingSignIn, now: number): boolean {
  const age = now - pending.createdAt;
  return age >= 0 && age <= PENDING_SIGN_IN_MAX_AGE_MS;
}

const present = (value: string | null): value is string => value !== null && value !== '';

export function verifyCallback({ params, pendingSignIns, consumedStates, stateMode, now }: VerifyCallbackInput): CallbackVerification {
  if (!present(params.code) && !present(params.state) && !present(params.error)) {
    return { ok: false, code: CallbackErrorCode.noParameters, pending: null };
  }

  const live = pendingSignIns.filter((p) => isLive(p, now));
  let pending: PendingSignIn | undefined;
  if (present(params.state)) {
    if (consumedStates.includes(params.state)) return { ok: false, code: CallbackErrorCode.replayed, pending: null };
    pending = live.find((p) => p.state === params.state);
    if (!pending) return { ok: false, code: CallbackErrorCode.stateMismatch, pending: null };
  } else {
    if (stateMode !== 'optional') return { ok: false, code: CallbackErrorCode.noPendingSignIn, pending: null };
    pending = live.filter((p) => present(p.codeVerifier ?? null)).sort((a, b) => b.createdAt - a.createdAt)[0];
    if (!pending) return { ok: false, code: CallbackErrorCode.noPendingSignIn, pending: null };
  }

  if (present(params.error)) {
    return {
      ok: false,
      code: CallbackErrorCode.providerError,
      pending,
      providerError: params.error,
      providerErrorDescription: params.errorDescription,
    };
  }
  if (!present(params.code)) return { ok: false, code: CallbackErrorCode.missingCode, pending };
  return { ok: true, code: params.code, pending };
}
