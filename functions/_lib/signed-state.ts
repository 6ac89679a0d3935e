/**
 * The relay's signed `state` (docs/decisions/0007): `v1.<payload>.<mac>`, where payload is base64url(JSON
 * `{ o, n, e }`) — the deploy origin the relay may send the answer to, the tab's nonce, the expiry in Unix seconds —
 * and mac is base64url(HMAC-SHA256(RELAY_SIGNING_KEY, "v1." + payload)) (RFC 2104, RFC 4648 §5). The nonce keeps each
 * state unique and unguessable, so the SPA's exact state check (RFC 6749 §10.12) still binds the answer to its tab.
 * The key never leaves the functions; verification is constant-time and checks the MAC before reading the payload.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import * as v from 'valibot';
import { RELAY_NONCE_PATTERN, RELAY_STATE_PATTERN } from '../../common/relay-state-format.ts';
import { parseOrigin } from './origins.ts';

export const SIGNED_STATE_VERSION = 'v1';
/** As long as a Firmafon code lives (Doorkeeper: 10 minutes); a sign-in that takes longer starts again. */
export const SIGNED_STATE_TTL_SECONDS = 600;
/** Deploys sign and verify on different machines: tolerate this much clock difference for "not from the future". */
export const MAX_CLOCK_SKEW_SECONDS = 60;
export const MAX_SIGNED_STATE_LENGTH = 1200;

export interface SignedStateClaims {
  /** The deploy origin (canonical, as `new URL(…).origin` prints it) that started the sign-in. */
  origin: string;
  /** The tab's nonce. */
  nonce: string;
  /** Unix seconds after which the state is refused. */
  expiresAt: number;
}

/** Why a state was refused; stable codes for tests and the log line (never the state itself). */
export type SignedStateError = 'malformed' | 'unsupported_version' | 'bad_signature' | 'expired' | 'issued_in_the_future';

export type SignedStateVerification = { ok: true; claims: SignedStateClaims } | { ok: false; code: SignedStateError };

/** The claims, and no others (checked by `hasOnlyClaims`: valibot's strictObject would cost the token function ~3 KB). */
const CLAIMS = ['o', 'n', 'e'];
const hasOnlyClaims = (value: unknown) => typeof value === 'object' && value !== null && Object.keys(value).every((key) => CLAIMS.includes(key));
const PayloadSchema = v.object({
  o: v.pipe(v.string(), v.maxLength(300)),
  n: v.pipe(v.string(), v.regex(RELAY_NONCE_PATTERN)),
  e: v.pipe(v.number(), v.safeInteger(), v.minValue(0)),
});

function mac(key: string, signedPart: string): Buffer {
  return createHmac('sha256', key).update(signedPart, 'utf8').digest();
}

/** Signs `{ origin, nonce }` for `SIGNED_STATE_TTL_SECONDS` from `now` (milliseconds). */
export function signState({ origin, nonce, key, now }: { origin: string; nonce: string; key: string; now: number }): string {
  if (parseOrigin(origin) !== origin) throw new TypeError('signState: origin must be a canonical origin');
  if (!RELAY_NONCE_PATTERN.test(nonce)) throw new TypeError('signState: nonce must be 43 base64url characters');
  const claims = { o: origin, n: nonce, e: Math.floor(now / 1000) + SIGNED_STATE_TTL_SECONDS };
  const payload = Buffer.from(JSON.stringify(claims), 'utf8').toString('base64url');
  const signedPart = `${SIGNED_STATE_VERSION}.${payload}`;
  return `${signedPart}.${mac(key, signedPart).toString('base64url')}`;
}

/**
 * Verifies a state: shape, version, MAC (constant-time), then expiry. The origin in a verified state is only what a
 * key holder signed — the caller still checks it against the deploy-origin allowlist.
 */
export function verifyState({ state, key, now }: { state: string; key: string; now: number }): SignedStateVerification {
  if (state.length > MAX_SIGNED_STATE_LENGTH) return { ok: false, code: 'malformed' };
  const parts = state.split('.');
  if (parts.length !== 3) return { ok: false, code: 'malformed' };
  const [version = '', payload = '', signature = ''] = parts;
  if (version !== SIGNED_STATE_VERSION) return { ok: false, code: 'unsupported_version' };
  if (!RELAY_STATE_PATTERN.test(state)) return { ok: false, code: 'malformed' };

  const expected = mac(key, `${version}.${payload}`);
  const given = Buffer.from(signature, 'base64url');
  // Re-encoding rejects the spellings base64url decoders tolerate (non-zero trailing bits), so one MAC has one form.
  if (given.length !== expected.length || given.toString('base64url') !== signature || !timingSafeEqual(given, expected)) {
    return { ok: false, code: 'bad_signature' };
  }

  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, code: 'malformed' };
  }
  if (!hasOnlyClaims(decoded)) return { ok: false, code: 'malformed' };
  const parsed = v.safeParse(PayloadSchema, decoded);
  if (!parsed.success || parseOrigin(parsed.output.o) !== parsed.output.o) return { ok: false, code: 'malformed' };
  const { o: origin, n: nonce, e: expiresAt } = parsed.output;
  const nowSeconds = Math.floor(now / 1000);
  if (expiresAt <= nowSeconds) return { ok: false, code: 'expired' };
  if (expiresAt > nowSeconds + SIGNED_STATE_TTL_SECONDS + MAX_CLOCK_SKEW_SECONDS) return { ok: false, code: 'issued_in_the_future' };
  return { ok: true, claims: { origin, nonce, expiresAt } };
}
