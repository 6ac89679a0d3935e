import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { RELAY_NONCE_PATTERN } from './relay-state-format.ts';
import { bindingState, relayNonce, verifyBindingState } from './sign-in-binding.ts';

const VERIFIER = 'k'.repeat(43);
const OTHER = 'j'.repeat(43);
const NOW = 1_800_000_000_000;
const nowSeconds = NOW / 1000;
const sha = (text: string) => createHash('sha256').update(text).digest('base64url');

describe('sign-in binding', () => {
  it('derives the state one way from the verifier and the start time (checked against node:crypto)', async () => {
    const state = await bindingState(VERIFIER, nowSeconds);
    expect(state).toBe(`b1.${nowSeconds}.${sha(`firmafon-dashboard/state/v1\n${nowSeconds}\n${VERIFIER}`)}`);
    expect(state).not.toContain(VERIFIER);
    expect(await bindingState(OTHER, nowSeconds)).not.toBe(state);
  });

  it('derives a relay nonce of the shape the relay-state function signs', async () => {
    const nonce = await relayNonce(VERIFIER);
    expect(nonce).toMatch(RELAY_NONCE_PATTERN);
    expect(nonce).toBe(sha(`firmafon-dashboard/relay-nonce/v1\n${VERIFIER}`));
  });

  it('accepts a state with its own verifier within ten minutes, allowing a minute of clock difference', async () => {
    const state = await bindingState(VERIFIER, nowSeconds);
    expect(await verifyBindingState({ state, verifier: VERIFIER, nowMs: NOW })).toBeNull();
    expect(await verifyBindingState({ state, verifier: VERIFIER, nowMs: NOW + 660_000 })).toBeNull();
    expect(await verifyBindingState({ state, verifier: VERIFIER, nowMs: NOW - 60_000 })).toBeNull();
  });

  it('refuses another sign-in’s verifier, an old state, one from the future and anything malformed', async () => {
    const state = await bindingState(VERIFIER, nowSeconds);
    expect(await verifyBindingState({ state, verifier: OTHER, nowMs: NOW })).toBe('mismatch');
    expect(await verifyBindingState({ state, verifier: VERIFIER, nowMs: NOW + 661_000 })).toBe('expired');
    expect(await verifyBindingState({ state, verifier: VERIFIER, nowMs: NOW - 61_000 })).toBe('issued_in_the_future');
    const [version, issued, digest] = state.split('.');
    expect(await verifyBindingState({ state: `${version}.${Number(issued) + 1}.${digest}`, verifier: VERIFIER, nowMs: NOW })).toBe('mismatch');
    for (const junk of ['', 'b1', 'x'.repeat(43), `b2.${issued}.${digest}`, `b1..${digest}`, `b1.${issued}.${digest}=`]) {
      expect(await verifyBindingState({ state: junk, verifier: VERIFIER, nowMs: NOW })).toBe('malformed');
    }
  });
});
