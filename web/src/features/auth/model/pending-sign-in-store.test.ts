import { describe, expect, it } from 'vitest';
import { createPendingSignInStore, PENDING_SIGN_IN_MAX_AGE_MS, type PendingSignIn } from './pending-sign-in-store.ts';
import { MemoryStorage } from '../testing/memory-storage.ts';

function pending(state: string, createdAt: number, extra: Partial<PendingSignIn> = {}): PendingSignIn {
  return {
    state,
    codeVerifier: 'v'.repeat(43),
    redirectUri: 'http://localhost/auth/callback',
    returnTo: '/calls',
    createdAt,
    stateMode: 'required',
    auto: false,
    ...extra,
  };
}

describe('pending sign-in store', () => {
  it('keeps several pending sign-ins side by side, newest first', () => {
    let now = 1_000_000;
    const store = createPendingSignInStore(new MemoryStorage(), () => now);
    store.save(pending('a', now));
    now += 1000;
    store.save(pending('b', now));
    expect(store.list().map((p) => p.state)).toEqual(['b', 'a']);
  });

  it('removes one pending sign-in without touching the others', () => {
    const store = createPendingSignInStore(new MemoryStorage(), () => 5);
    store.save(pending('a', 1));
    store.save(pending('b', 2));
    store.remove('a');
    expect(store.list().map((p) => p.state)).toEqual(['b']);
  });

  it('prunes sign-ins older than ten minutes', () => {
    let now = 0;
    const storage = new MemoryStorage();
    const store = createPendingSignInStore(storage, () => now);
    store.save(pending('old', 0));
    now = PENDING_SIGN_IN_MAX_AGE_MS + 1;
    store.save(pending('new', now));
    expect(store.list().map((p) => p.state)).toEqual(['new']);
    expect(storage.length).toBe(1);
  });

  it('drops entries it cannot read and leaves foreign keys alone', () => {
    const storage = new MemoryStorage();
    storage.setItem('firmafon-dashboard.pending-sign-in.x', '{not json');
    storage.setItem('firmafon-dashboard.pending-sign-in.y', JSON.stringify({ state: 'y' }));
    storage.setItem('firmafon-dashboard.pending-sign-in.z', JSON.stringify(pending('other', 1)));
    storage.setItem('something-else', '1');
    const store = createPendingSignInStore(storage, () => 2);
    expect(store.list()).toEqual([]);
    expect(storage.getItem('something-else')).toBe('1');
    expect(storage.length).toBe(1);
  });

  it('remembers consumed states, a bounded number of them', () => {
    const store = createPendingSignInStore(new MemoryStorage());
    for (let i = 0; i < 25; i += 1) store.markConsumed(`s${i}`);
    const consumed = store.consumedStates();
    expect(consumed).toHaveLength(20);
    expect(consumed).toContain('s24');
    expect(consumed).not.toContain('s0');
  });

  it('never stores anything but the pending sign-in fields', () => {
    const storage = new MemoryStorage();
    createPendingSignInStore(storage, () => 1).save(pending('a', 1));
    const stored = JSON.parse(storage.getItem('firmafon-dashboard.pending-sign-in.a') ?? '{}') as Record<string, unknown>;
    expect(Object.keys(stored).sort()).toEqual(['auto', 'codeVerifier', 'createdAt', 'redirectUri', 'returnTo', 'state', 'stateMode']);
  });
});
