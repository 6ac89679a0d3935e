import { describe, expect, it } from 'vitest';
import { PENDING_SIGN_IN_MAX_AGE_MS, type PendingSignIn } from './pending-sign-in-store.ts';
import { verifyCallback, type CallbackParams, type VerifyCallbackInput } from './verify-callback.ts';

const NOW = 1_700_000_000_000;

function pending(state: string, extra: Partial<PendingSignIn> = {}): PendingSignIn {
  return {
    state,
    codeVerifier: 'x'.repeat(43),
    redirectUri: 'http://localhost:8888/auth/callback',
    returnTo: '/calls',
    createdAt: NOW - 1000,
    stateMode: 'required',
    auto: false,
    ...extra,
  };
}

function params(p: Partial<CallbackParams>): CallbackParams {
  return { code: null, state: null, error: null, errorDescription: null, ...p };
}

function verify(input: Partial<VerifyCallbackInput> & { params: CallbackParams }) {
  return verifyCallback({ pendingSignIns: [], consumedStates: [], stateMode: 'required', now: NOW, ...input });
}

describe('verifyCallback', () => {
  it('accepts a code whose state matches a pending sign-in and returns that sign-in', () => {
    const a = pending('state-a');
    expect(verify({ params: params({ code: 'c1', state: 'state-a' }), pendingSignIns: [a] })).toEqual({ ok: true, code: 'c1', pending: a });
  });

  it('picks the right one of two pending sign-ins by state', () => {
    const a = pending('state-a', { returnTo: '/calls?direction=incoming' });
    const b = pending('state-b', { returnTo: '/calls/123', createdAt: NOW - 10 });
    const result = verify({ params: params({ code: 'c', state: 'state-a' }), pendingSignIns: [b, a] });
    expect(result.ok && result.pending).toBe(a);
  });

  it('rejects a callback whose state does not match any pending sign-in', () => {
    const result = verify({ params: params({ code: 'c', state: 'forged' }), pendingSignIns: [pending('state-a')] });
    expect(result).toMatchObject({ ok: false, code: 'state_mismatch', pending: null });
  });

  it('rejects a state when this tab has no pending sign-in at all', () => {
    expect(verify({ params: params({ code: 'c', state: 'state-a' }) })).toMatchObject({ ok: false, code: 'state_mismatch' });
  });

  it('rejects a matching state whose sign-in is older than ten minutes', () => {
    const old = pending('state-a', { createdAt: NOW - PENDING_SIGN_IN_MAX_AGE_MS - 1 });
    expect(verify({ params: params({ code: 'c', state: 'state-a' }), pendingSignIns: [old] })).toMatchObject({ code: 'state_mismatch' });
  });

  it('recognises a state this tab already redeemed as a replay', () => {
    const result = verify({ params: params({ code: 'c', state: 'used' }), consumedStates: ['used'] });
    expect(result).toMatchObject({ ok: false, code: 'replayed', pending: null });
  });

  it('always refuses a callback without state in required mode, even with a pending PKCE sign-in', () => {
    const result = verify({ params: params({ code: 'c' }), pendingSignIns: [pending('a')], stateMode: 'required' });
    expect(result).toMatchObject({ ok: false, code: 'no_pending_sign_in', pending: null });
  });

  it('in optional mode accepts a callback without state for the newest live PKCE sign-in', () => {
    const older = pending('older', { createdAt: NOW - 5000 });
    const newer = pending('newer', { createdAt: NOW - 100 });
    const result = verify({ params: params({ code: 'c' }), pendingSignIns: [older, newer], stateMode: 'optional' });
    expect(result).toEqual({ ok: true, code: 'c', pending: newer });
  });

  it('in optional mode refuses a callback without state when no sign-in was started here', () => {
    expect(verify({ params: params({ code: 'c' }), stateMode: 'optional' })).toMatchObject({ ok: false, code: 'no_pending_sign_in' });
  });

  it('in optional mode refuses a callback without state when the only sign-in sent no PKCE', () => {
    const noPkce = pending('a', { codeVerifier: undefined });
    expect(verify({ params: params({ code: 'c' }), pendingSignIns: [noPkce], stateMode: 'optional' })).toMatchObject({
      code: 'no_pending_sign_in',
    });
  });

  it('in optional mode passes over a newer sign-in without PKCE for an older one with it', () => {
    const withPkce = pending('with', { createdAt: NOW - 5000 });
    const without = pending('without', { codeVerifier: undefined, createdAt: NOW - 100 });
    const result = verify({ params: params({ code: 'c' }), pendingSignIns: [without, withPkce], stateMode: 'optional' });
    expect(result.ok && result.pending.state).toBe('with');
  });

  it('in optional mode accepts a sign-in exactly ten minutes old but not one a moment older', () => {
    const edge = pending('edge', { createdAt: NOW - PENDING_SIGN_IN_MAX_AGE_MS });
    expect(verify({ params: params({ code: 'c' }), pendingSignIns: [edge], stateMode: 'optional' }).ok).toBe(true);
    const stale = pending('stale', { createdAt: NOW - PENDING_SIGN_IN_MAX_AGE_MS - 1 });
    expect(verify({ params: params({ code: 'c' }), pendingSignIns: [stale], stateMode: 'optional' })).toMatchObject({
      code: 'no_pending_sign_in',
    });
  });

  it('in optional mode still insists that a state, when present, matches', () => {
    const result = verify({ params: params({ code: 'c', state: 'forged' }), pendingSignIns: [pending('a')], stateMode: 'optional' });
    expect(result).toMatchObject({ code: 'state_mismatch' });
  });

  it('refuses a sign-in created in the future (clock trouble) rather than guessing', () => {
    const future = pending('a', { createdAt: NOW + 60_000 });
    expect(verify({ params: params({ code: 'c', state: 'a' }), pendingSignIns: [future] })).toMatchObject({ code: 'state_mismatch' });
  });

  it("reports the provider's error for a verified response and hands back the sign-in to consume", () => {
    const a = pending('a');
    const result = verify({
      params: params({ state: 'a', error: 'access_denied', errorDescription: 'The user denied' }),
      pendingSignIns: [a],
    });
    expect(result).toEqual({
      ok: false,
      code: 'provider_error',
      pending: a,
      providerError: 'access_denied',
      providerErrorDescription: 'The user denied',
    });
  });

  it('does not trust a provider error whose state does not match', () => {
    const result = verify({ params: params({ state: 'forged', error: 'access_denied' }), pendingSignIns: [pending('a')] });
    expect(result).toMatchObject({ code: 'state_mismatch' });
  });

  it('reports a verified response without a code as missing_code', () => {
    const a = pending('a');
    expect(verify({ params: params({ state: 'a' }), pendingSignIns: [a] })).toEqual({ ok: false, code: 'missing_code', pending: a });
  });

  it('treats a callback with no parameters at all as no_parameters', () => {
    expect(verify({ params: params({}), pendingSignIns: [pending('a')] })).toMatchObject({ code: 'no_parameters', pending: null });
    expect(verify({ params: params({ code: '', state: '' }) })).toMatchObject({ code: 'no_parameters' });
  });
});
