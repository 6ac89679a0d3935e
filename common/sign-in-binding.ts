/**
 * Binds a sign-in to the browser that started it (docs/decisions/0011). The tab keeps a random secret, the
 * *verifier* (32 bytes, base64url — the same value it uses as the PKCE code_verifier). Everything that travels in a
 * URL is derived from it one way, so a URL alone cannot prove anything:
 *
 * - the `state` of a sign-in through the deploy's own callback: `b1.<issued at, Unix seconds>.<digest>`, where
 *   digest = base64url(SHA-256("firmafon-dashboard/state/v1\n" + issued at + "\n" + verifier));
 * - the nonce inside a deploy preview's signed relay state: base64url(SHA-256("firmafon-dashboard/relay-nonce/v1\n"
 *   + verifier)), 43 characters.
 *
 * The token function redeems a code only with the verifier whose derivation matches the state that came back. Pure
 * apart from Web Crypto's SHA-256 (in browsers and in Node), so the SPA and the functions share one definition.
 */

import { sha256Base64Url as sha256 } from './base64url.ts';

export const BINDING_STATE_VERSION = 'b1';
/** As long as a Firmafon code lives (Doorkeeper: 10 minutes); an older sign-in starts again. */
export const BINDING_MAX_AGE_SECONDS = 600;
/** The browser and the function run on different clocks. */
export const BINDING_CLOCK_SKEW_SECONDS = 60;
export const BINDING_STATE_PATTERN = /^b1\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/;

const STATE_CONTEXT = 'firmafon-dashboard/state/v1';
const RELAY_NONCE_CONTEXT = 'firmafon-dashboard/relay-nonce/v1';

/** The `state` for a sign-in started at `issuedAtSeconds` with `verifier`. */
export async function bindingState(verifier: string, issuedAtSeconds: number): Promise<string> {
  const issuedAt = Math.floor(issuedAtSeconds);
  return `${BINDING_STATE_VERSION}.${issuedAt}.${await sha256(`${STATE_CONTEXT}\n${issuedAt}\n${verifier}`)}`;
}

/** The nonce a deploy preview asks the relay-state function to sign for a sign-in with `verifier`. */
export function relayNonce(verifier: string): Promise<string> {
  return sha256(`${RELAY_NONCE_CONTEXT}\n${verifier}`);
}

/** Why a state and a verifier do not belong together; stable codes for tests and the log. */
export type BindingFailure = 'malformed' | 'mismatch' | 'expired' | 'issued_in_the_future';

/** Checks that `state` was derived from `verifier` and is still young enough. `nowMs` in milliseconds. */
export async function verifyBindingState({ state, verifier, nowMs }: { state: string; verifier: string; nowMs: number }): Promise<BindingFailure | null> {
  const match = BINDING_STATE_PATTERN.exec(state);
  if (!match) return 'malformed';
  const issuedAt = Number(match[1]);
  // Compared as digests of equal length; a mismatch says nothing about where it differs.
  if ((await bindingState(verifier, issuedAt)) !== state) return 'mismatch';
  const now = Math.floor(nowMs / 1000);
  if (issuedAt > now + BINDING_CLOCK_SKEW_SECONDS) return 'issued_in_the_future';
  if (now - issuedAt > BINDING_MAX_AGE_SECONDS + BINDING_CLOCK_SKEW_SECONDS) return 'expired';
  return null;
}
