import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { RELAY_STATE_PATTERN } from '../../common/relay-state-format.ts';
import { SIGNED_STATE_TTL_SECONDS, signState, verifyState } from './signed-state.ts';

const KEY = 'relay-signing-key-for-tests-0b7c1d9e5f3a';
const ORIGIN = 'https://deploy-preview-42--dash-site.netlify.app';
const NONCE = 'n0nce-n0nce-n0nce-n0nce-n0nce-n0nce-n0nce-0';
const NOW = Date.UTC(2026, 10, 29, 12, 0, 0);

const sign = (overrides: Partial<Parameters<typeof signState>[0]> = {}) => signState({ origin: ORIGIN, nonce: NONCE, key: KEY, now: NOW, ...overrides });
const verify = (state: string, overrides: { key?: string; now?: number } = {}) => verifyState({ state, key: KEY, now: NOW, ...overrides });

/** Signs any payload the way the function does, so tests can craft states a key holder could have made. */
function craft(payload: unknown, key = KEY, version = 'v1'): string {
  const encoded = Buffer.from(typeof payload === 'string' ? payload : JSON.stringify(payload)).toString('base64url');
  const mac = createHmac('sha256', key).update(`${version}.${encoded}`).digest('base64url');
  return `${version}.${encoded}.${mac}`;
}
const codeOf = (state: string, overrides: { key?: string; now?: number } = {}) => {
  const result = verify(state, overrides);
  return result.ok ? 'ok' : result.code;
};

describe('signState and verifyState', () => {
  it('round-trips the origin and nonce with a 10-minute expiry', () => {
    const state = sign();
    expect(state).toMatch(RELAY_STATE_PATTERN);
    expect(verify(state)).toEqual({ ok: true, claims: { origin: ORIGIN, nonce: NONCE, expiresAt: NOW / 1000 + SIGNED_STATE_TTL_SECONDS } });
  });

  it('gives each nonce its own state', () => {
    expect(sign()).not.toBe(sign({ nonce: 'x'.repeat(43) }));
  });

  it('holds no key material: the payload is the claims, the rest a MAC', () => {
    const [, payload] = sign().split('.');
    expect(JSON.parse(Buffer.from(payload ?? '', 'base64url').toString())).toEqual({ o: ORIGIN, n: NONCE, e: NOW / 1000 + 600 });
    expect(sign()).not.toContain(KEY);
  });

  it('still accepts a state one second before it expires, and refuses it at expiry', () => {
    const state = sign();
    expect(codeOf(state, { now: NOW + 599_000 })).toBe('ok');
    expect(codeOf(state, { now: NOW + 600_000 })).toBe('expired');
    expect(codeOf(state, { now: NOW + 86_400_000 })).toBe('expired');
  });

  it('refuses a state signed with another key', () => {
    expect(codeOf(sign(), { key: 'another-relay-signing-key-0123456789abcdef' })).toBe('bad_signature');
    expect(codeOf(craft({ o: ORIGIN, n: NONCE, e: NOW / 1000 + 60 }, 'another-relay-signing-key-0123456789abcdef'))).toBe('bad_signature');
  });

  it('refuses a tampered payload (another origin, same MAC)', () => {
    const [version, , mac] = sign().split('.');
    const forged = Buffer.from(JSON.stringify({ o: 'https://evil.example', n: NONCE, e: NOW / 1000 + 600 })).toString('base64url');
    expect(codeOf(`${version}.${forged}.${mac}`)).toBe('bad_signature');
  });

  it.each([0, 5, 20, 42])('refuses a payload with character %i changed', (index) => {
    const state = sign();
    const at = 3 + index;
    const flipped = state.slice(0, at) + (state[at] === 'A' ? 'B' : 'A') + state.slice(at + 1);
    expect(codeOf(flipped)).toBe('bad_signature');
  });

  it('refuses a tampered signature, including a non-canonical spelling of the right one', () => {
    const state = sign();
    const last = state.at(-1) ?? '';
    expect(codeOf(state.slice(0, -1) + (last === 'A' ? 'B' : 'A'))).toBe('bad_signature');
    // The last base64url character of a 32-byte MAC carries 2 spare bits: another character may decode the same.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const index = alphabet.indexOf(last);
    const sameBytes = alphabet[(index & ~3) | ((index + 1) & 3)] ?? 'A';
    expect(Buffer.from(state.slice(-43, -1) + sameBytes, 'base64url')).toEqual(Buffer.from(state.slice(-43), 'base64url'));
    expect(codeOf(state.slice(0, -1) + sameBytes)).toBe('bad_signature');
    expect(codeOf(state.slice(0, -1))).toBe('malformed');
  });

  it.each([
    ['v2', 'unsupported_version'],
    ['V1', 'unsupported_version'],
    ['v0', 'unsupported_version'],
  ])('refuses version %s', (version, code) => {
    expect(codeOf(craft({ o: ORIGIN, n: NONCE, e: NOW / 1000 + 60 }, KEY, version))).toBe(code);
  });

  it.each([
    ['an empty string', ''],
    ['a random state', 'swapped-state-value-0000000000000000000'],
    ['two parts', 'v1.abc'],
    ['four parts', `${sign()}.x`],
    ['an empty payload', `v1..${'A'.repeat(43)}`],
    ['characters outside base64url', sign().replace(/^v1\./, 'v1.+')],
    ['an oversized state', `v1.${'A'.repeat(2000)}.${'A'.repeat(43)}`],
  ])('refuses %s as malformed', (_name, state) => {
    expect(['malformed', 'bad_signature']).toContain(codeOf(state));
    expect(verify(state).ok).toBe(false);
  });

  it.each([
    ['a payload that is not JSON', 'not json'],
    ['a JSON array', [ORIGIN, NONCE, 1]],
    ['a missing origin', { n: NONCE, e: NOW / 1000 + 60 }],
    ['a missing nonce', { o: ORIGIN, e: NOW / 1000 + 60 }],
    ['a missing expiry', { o: ORIGIN, n: NONCE }],
    ['an expiry that is not a number', { o: ORIGIN, n: NONCE, e: String(NOW / 1000 + 60) }],
    ['a fractional expiry', { o: ORIGIN, n: NONCE, e: NOW / 1000 + 60.5 }],
    ['a short nonce', { o: ORIGIN, n: 'abc', e: NOW / 1000 + 60 }],
    ['an extra claim', { o: ORIGIN, n: NONCE, e: NOW / 1000 + 60, r: '/calls' }],
    ['an origin with a path', { o: `${ORIGIN}/x`, n: NONCE, e: NOW / 1000 + 60 }],
    ['an origin with a trailing slash', { o: `${ORIGIN}/`, n: NONCE, e: NOW / 1000 + 60 }],
    ['an uppercase origin', { o: ORIGIN.toUpperCase(), n: NONCE, e: NOW / 1000 + 60 }],
    ['userinfo in the origin', { o: 'https://a@b.example', n: NONCE, e: NOW / 1000 + 60 }],
    ['a javascript: origin', { o: 'javascript:alert(1)', n: NONCE, e: NOW / 1000 + 60 }],
  ])('refuses a correctly signed state with %s', (_name, payload) => {
    expect(codeOf(craft(payload))).toBe('malformed');
  });

  it('refuses a correctly signed state whose expiry is further away than a state can live', () => {
    expect(codeOf(craft({ o: ORIGIN, n: NONCE, e: NOW / 1000 + 600 + 61 }))).toBe('issued_in_the_future');
    expect(codeOf(craft({ o: ORIGIN, n: NONCE, e: NOW / 1000 + 600 + 60 }))).toBe('ok');
  });

  it('refuses to sign anything but a canonical origin and a well-formed nonce', () => {
    expect(() => sign({ origin: `${ORIGIN}/` })).toThrow(TypeError);
    expect(() => sign({ origin: 'https://A.example' })).toThrow(TypeError);
    expect(() => sign({ nonce: 'short' })).toThrow(TypeError);
  });
});
