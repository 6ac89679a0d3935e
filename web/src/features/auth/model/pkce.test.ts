import { describe, expect, it } from 'vitest';
import { CODE_VERIFIER_PATTERN } from '@common/token-contract.ts';
import { base64UrlEncode } from '@common/base64url.ts';
import { bindingState } from '@common/sign-in-binding.ts';
import { codeChallengeS256, createCodeVerifier } from './pkce.ts';

describe('PKCE', () => {
  it('derives the S256 challenge of RFC 7636 Appendix B', async () => {
    await expect(codeChallengeS256('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).resolves.toBe(
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    );
  });

  it('encodes the RFC 7636 Appendix B octets as the verifier given there', () => {
    const octets = new Uint8Array([
      116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125, 216, 173, 187, 186, 22, 212, 37, 77, 105, 214, 191,
      240, 91, 88, 5, 88, 83, 132, 141, 121,
    ]);
    expect(base64UrlEncode(octets)).toBe('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk');
  });

  it('creates 43-character verifiers that the token contract accepts, different every time', () => {
    const a = createCodeVerifier();
    const b = createCodeVerifier();
    expect(a).toHaveLength(43);
    expect(a).toMatch(CODE_VERIFIER_PATTERN);
    expect(a).not.toBe(b);
  });

  it('gives every sign-in an unguessable state: 256 bits derived from its own verifier', async () => {
    const state = await bindingState(createCodeVerifier(), 1_800_000_000);
    const digest = state.split('.')[2] ?? '';
    expect(digest).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(digest.length * 6).toBeGreaterThanOrEqual(128);
    expect(await bindingState(createCodeVerifier(), 1_800_000_000)).not.toBe(state);
  });
});
