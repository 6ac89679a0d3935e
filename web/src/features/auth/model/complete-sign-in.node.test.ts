import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { accessToken } from '@/lib/access-token.ts';
import { json, startLoopback, type Loopback } from '@/lib/testing/loopback.node.ts';
import { MemoryStorage } from '../testing/memory-storage.ts';
import { completeSignIn } from './complete-sign-in.ts';
import { createPendingSignInStore, type PendingSignIn } from './pending-sign-in-store.ts';
import { hasSignedInHint, markAutoResumeStarted, mayAutoResume } from './session-hint.ts';
import type { CallbackParams } from './verify-callback.ts';

const NOW = 1_800_000_000_000;
const clock = () => NOW;
const STATE = 's'.repeat(43);
const VERIFIER = 'v'.repeat(43);

/** The token function on loopback: answers by the code it is given. */
let tokenFunction: Loopback;
beforeAll(async () => {
  tokenFunction = await startLoopback((request, res) => {
    const code = (JSON.parse(request.body || '{}') as { code?: string }).code;
    if (code === 'good-code') return json(res, 200, { access_token: 'issued-token' });
    if (code === 'used-code') return json(res, 400, { error: 'invalid_grant', error_description: 'Used.' });
    if (code === 'busy-code') return json(res, 503, { error: 'upstream_unavailable' });
    return json(res, 400, { error: 'invalid_request' });
  });
});
afterAll(() => tokenFunction.close());
afterEach(() => {
  accessToken.clear('signed-out');
  tokenFunction.seen.length = 0;
});

function tab(pending: Partial<PendingSignIn> | null = {}) {
  const sessionStorage = new MemoryStorage();
  const localStorage = new MemoryStorage();
  if (pending) {
    createPendingSignInStore(sessionStorage, clock).save({
      state: STATE,
      codeVerifier: VERIFIER,
      redirectUri: 'http://localhost:8888/auth/callback',
      returnTo: '/calls?direction=incoming',
      createdAt: NOW - 1000,
      stateMode: 'required',
      auto: true,
      ...pending,
    });
  }
  markAutoResumeStarted(sessionStorage, NOW - 1000);
  return { sessionStorage, localStorage };
}

const params = (p: Partial<CallbackParams>): CallbackParams => ({ code: null, state: null, error: null, errorDescription: null, ...p });

describe('completeSignIn', () => {
  it('redeems a code whose state this tab started, keeps the token in memory and returns to where the sign-in began', async () => {
    const storages = tab();
    const outcome = await completeSignIn({ params: params({ code: 'good-code', state: STATE }), ...storages, clock });
    expect(outcome).toEqual({ kind: 'signed-in', returnTo: '/calls?direction=incoming' });
    expect(accessToken.get()).toBe('issued-token');
    expect(JSON.parse(tokenFunction.seen[0]?.body ?? '')).toEqual({
      code: 'good-code',
      redirect_uri: 'http://localhost:8888/auth/callback',
      code_verifier: VERIFIER,
      state: STATE,
    });
    expect(tokenFunction.seen[0]?.headers['x-firmafon-dashboard']).toBe('1');
    expect(hasSignedInHint(storages.localStorage)).toBe(true);
    expect(mayAutoResume(storages.sessionStorage, NOW)).toBe(true);
    expect(JSON.stringify(storages)).not.toContain('issued-token');
  });

  it('hands the redeemed token to the app in one call, which stores it and starts the next page’s requests', async () => {
    const seenTokens: Array<string | null> = [];
    await completeSignIn({
      params: params({ code: 'good-code', state: STATE }),
      ...tab(),
      clock,
      prepareForToken: async () => (token) => {
        accessToken.set(token);
        seenTokens.push(accessToken.get());
      },
    });
    expect(seenTokens).toEqual(['issued-token']);
  });

  it('refuses a state no sign-in in this tab started and sends nothing to the token function', async () => {
    await expect(completeSignIn({ params: params({ code: 'good-code', state: 'x'.repeat(43) }), ...tab(), clock })).resolves.toEqual({
      kind: 'failed',
      problem: 'not_started_here',
      returnTo: '/calls',
    });
    await expect(completeSignIn({ params: params({ code: 'good-code' }), ...tab(null), clock })).resolves.toMatchObject({ problem: 'not_started_here' });
    expect(tokenFunction.seen).toHaveLength(0);
    expect(accessToken.get()).toBeNull();
  });

  it('leaves quietly when the same response comes back a second time, without redeeming it again', async () => {
    const storages = tab();
    await completeSignIn({ params: params({ code: 'good-code', state: STATE }), ...storages, clock });
    accessToken.clear('signed-out');
    await expect(completeSignIn({ params: params({ code: 'good-code', state: STATE }), ...storages, clock })).resolves.toEqual({ kind: 'leave' });
    expect(tokenFunction.seen).toHaveLength(1);
  });

  it('leaves quietly on a callback without any parameter', async () => {
    await expect(completeSignIn({ params: params({}), ...tab(), clock })).resolves.toEqual({ kind: 'leave' });
  });

  it('explains a refusal on Firmafon and a response without a code, consuming the pending sign-in', async () => {
    const storages = tab();
    await expect(completeSignIn({ params: params({ state: STATE, error: 'access_denied' }), ...storages, clock })).resolves.toEqual({
      kind: 'failed',
      problem: 'access_denied',
      returnTo: '/calls?direction=incoming',
    });
    expect(createPendingSignInStore(storages.sessionStorage, clock).list()).toEqual([]);
    await expect(completeSignIn({ params: params({ state: STATE, error: 'server_error' }), ...tab(), clock })).resolves.toMatchObject({ problem: 'provider_error' });
    await expect(completeSignIn({ params: params({ state: STATE }), ...tab(), clock })).resolves.toMatchObject({ problem: 'missing_code' });
    expect(tokenFunction.seen).toHaveLength(0);
  });

  it('turns the token function’s refusals into problems a person understands, storing no token', async () => {
    await expect(completeSignIn({ params: params({ code: 'used-code', state: STATE }), ...tab(), clock })).resolves.toMatchObject({ kind: 'failed', problem: 'invalid_grant' });
    await expect(completeSignIn({ params: params({ code: 'busy-code', state: STATE }), ...tab(), clock })).resolves.toMatchObject({ kind: 'failed', problem: 'upstream_unavailable' });
    expect(accessToken.get()).toBeNull();
  });

  it('says "offline" when the token function cannot be reached', async () => {
    const storages = tab();
    const realFetch = globalThis.fetch;
    globalThis.fetch = () => Promise.reject(new TypeError('fetch failed'));
    try {
      await expect(completeSignIn({ params: params({ code: 'good-code', state: STATE }), ...storages, clock })).resolves.toMatchObject({ problem: 'offline' });
    } finally {
      globalThis.fetch = realFetch;
    }
  });
});
