/** The relay-state function end to end: a real handler and real `Request`s, on a deploy preview and on production. */
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { RelayStateResponseSchema } from '../../common/relay-contract.ts';
import { RELAY_STATE_PATH } from '../../common/routes.ts';
import handler, { config } from '../relay-state.ts';
import { verifyState } from './signed-state.ts';
import {
  NONCE,
  PREVIEW,
  RELAY_KEY,
  SITE,
  captureConsole,
  dashboardPost,
  inspect,
  relayEnv,
  seen,
  envPerTest,
  streamOf,
  type TokenRequestInit,
} from './test-support/harness.ts';

captureConsole();
const useEnv = envPerTest(() => relayEnv('https://app.firmafon.dk'));

const post = (init: TokenRequestInit = {}) => dashboardPost(RELAY_STATE_PATH, { origin: PREVIEW, body: { nonce: NONCE }, ...init });
const call = async (request: Request, context?: unknown) => inspect(await handler(request, context));
const errorOf = (body: unknown) => (body as { error?: unknown }).error;
const descriptionOf = (body: unknown) => String((body as { error_description?: unknown }).error_description);

describe('the function config', () => {
  it('serves /api/auth/relay-state with a rate limit', () => {
    expect(config).toEqual({ path: '/api/auth/relay-state', rateLimit: { windowLimit: 20, windowSize: 60, aggregateBy: ['ip', 'domain'] } });
  });
});

describe('on a deploy preview', () => {
  it("answers 200 with a state that signs this preview's origin and the tab's nonce", async () => {
    const before = Date.now();
    const res = await call(post());
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    const parsed = v.parse(RelayStateResponseSchema, res.json);
    expect(Object.keys(res.json as object)).toEqual(['state']);
    const verified = verifyState({ state: parsed.state, key: RELAY_KEY, now: Date.now() });
    expect(verified.ok && verified.claims).toMatchObject({ origin: PREVIEW, nonce: NONCE });
    if (verified.ok) {
      expect(verified.claims.expiresAt).toBeGreaterThanOrEqual(Math.floor(before / 1000) + 600);
      expect(verified.claims.expiresAt).toBeLessThanOrEqual(Math.floor(Date.now() / 1000) + 600);
    }
  });

  it('signs the deploy permalink when the preview is opened there (deploy id from the Netlify context)', async () => {
    const permalink = 'https://5f2b9c0d1e3a4b5c6d7e8f90--dash-site.netlify.app';
    const res = await call(post({ origin: permalink }), { deploy: { id: '5f2b9c0d1e3a4b5c6d7e8f90', context: 'deploy-preview' } });
    const state = v.parse(RelayStateResponseSchema, res.json).state;
    const verified = verifyState({ state, key: RELAY_KEY, now: Date.now() });
    expect(verified.ok && verified.claims.origin).toBe(permalink);
  });

  it.each([
    ['another deploy preview of this site', 'https://deploy-preview-7--dash-site.netlify.app'],
    ['a branch deploy of this site', 'https://main--dash-site.netlify.app'],
    ["another deploy's permalink", 'https://0123456789abcdef01234567--dash-site.netlify.app'],
  ])('signs no state for a request whose URL and Origin name %s, though it matches the deploy pattern', async (_name, other) => {
    const withOrigin = await call(post({ origin: other }), { deploy: { id: '5f2b9c0d1e3a4b5c6d7e8f90', context: 'deploy-preview' } });
    expect([withOrigin.status, errorOf(withOrigin.json)]).toEqual([403, 'forbidden']);
    const withoutOrigin = await call(post({ origin: other, headers: { Origin: null } }));
    expect([withoutOrigin.status, errorOf(withoutOrigin.json)]).toEqual([400, 'relay_not_available']);
    expect(withOrigin.text + withoutOrigin.text).not.toContain('"state"');
  });

  it("signs no state for a request from this preview's page whose URL (its Host) names another deploy", async () => {
    const other = 'https://deploy-preview-7--dash-site.netlify.app';
    const res = await call(new Request(`${other}${RELAY_STATE_PATH}`, { method: 'POST', headers: post().headers, body: JSON.stringify({ nonce: NONCE }) }));
    expect(res.status).not.toBe(200);
    expect(res.text).not.toContain('"state"');
  });

  it('accepts a request without an Origin header when the custom header is present', async () => {
    expect((await call(post({ headers: { Origin: null } }))).status).toBe(200);
  });

  it.each([
    ['a foreign Origin', { Origin: 'https://evil.example' }],
    ["production's Origin (it is not the origin being signed)", { Origin: SITE }],
    ['another preview of the same site', { Origin: 'https://deploy-preview-7--dash-site.netlify.app' }],
    ['the opaque Origin null', { Origin: 'null' }],
    ['Sec-Fetch-Site: cross-site', { 'Sec-Fetch-Site': 'cross-site' }],
    ['no custom header', { 'X-Firmafon-Dashboard': null }],
  ])('answers 403 forbidden to %s', async (_name, headers) => {
    const res = await call(post({ headers }));
    expect([res.status, errorOf(res.json)]).toEqual([403, 'forbidden']);
  });

  it.each(['GET', 'PUT', 'DELETE'])('answers %s with 405 and Allow: POST', async (method) => {
    const res = await call(post({ method }));
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
  });

  it('answers 415 to a body that is not declared JSON', async () => {
    const res = await call(post({ headers: { 'Content-Type': 'text/plain' } }));
    expect([res.status, errorOf(res.json)]).toEqual([415, 'unsupported_media_type']);
  });

  it('answers 413 to a body over 512 bytes', async () => {
    expect((await call(post({ raw: ' '.repeat(513) }))).status).toBe(413);
    expect((await call(post({ raw: streamOf(2000) }))).status).toBe(413);
  });

  it.each([
    ['a body that is not JSON', 'nonce=abc', /JSON/],
    ['a JSON array', '[]', /JSON object/],
    ['a missing nonce', '{}', /^nonce is required/],
    ['a short nonce', JSON.stringify({ nonce: 'abc' }), /^nonce must be 43 base64url characters/],
    ['a nonce with padding', JSON.stringify({ nonce: `${NONCE.slice(0, 42)}=` }), /^nonce must be 43/],
    ['a nonce that is not a string', JSON.stringify({ nonce: 42 }), /^nonce must be a string/],
    ['an extra field', JSON.stringify({ nonce: NONCE, origin: 'https://evil.example' }), /only nonce/],
  ])('answers 400 invalid_request to %s', async (_name, raw, description) => {
    const res = await call(post({ raw }));
    expect([res.status, errorOf(res.json)]).toEqual([400, 'invalid_request']);
    expect(descriptionOf(res.json)).toMatch(description);
    expect(res.text).not.toContain('evil');
  });
});

describe('where the relay is not used', () => {
  it('answers 400 relay_not_available on production itself', async () => {
    const res = await call(post({ origin: SITE }));
    expect([res.status, errorOf(res.json)]).toEqual([400, 'relay_not_available']);
    expect(descriptionOf(res.json)).toMatch(/own callback/);
  });

  it('answers 400 relay_not_available when state is optional (previews use their own registration)', async () => {
    useEnv({ ...relayEnv('https://app.firmafon.dk'), FIRMAFON_STATE: 'optional' });
    const res = await call(post());
    expect([res.status, errorOf(res.json)]).toEqual([400, 'relay_not_available']);
    expect(descriptionOf(res.json)).toMatch(/FIRMAFON_STATE/);
  });

  it('answers 400 relay_not_available without a signing key', async () => {
    useEnv({ ...relayEnv('https://app.firmafon.dk'), RELAY_SIGNING_KEY: undefined });
    const res = await call(post());
    expect([res.status, errorOf(res.json), descriptionOf(res.json)]).toEqual([400, 'relay_not_available', 'RELAY_SIGNING_KEY is not set.']);
  });

  it("answers 400 relay_not_available on an origin that is not one of this site's, and signs nothing", async () => {
    const res = await call(post({ origin: 'https://deploy-preview-1--other-site.netlify.app', headers: { Origin: null } }));
    expect([res.status, errorOf(res.json)]).toEqual([400, 'relay_not_available']);
  });

  it('answers 503 naming RELAY_SIGNING_KEY when it is too short, without echoing it', async () => {
    useEnv({ ...relayEnv('https://app.firmafon.dk'), RELAY_SIGNING_KEY: 'short-bad-value' });
    const res = await call(post());
    expect([res.status, errorOf(res.json)]).toEqual([503, 'server_misconfigured']);
    expect(descriptionOf(res.json)).toMatch(/^RELAY_SIGNING_KEY must be at least 32 characters/);
    expect(res.text).not.toContain('short-bad-value');
  });
});

describe('secrecy', () => {
  it('never puts the signing key in a response or a log line, and logs one line per refusal', () => {
    for (const response of seen.responses) expect(response).not.toContain(RELAY_KEY);
    const lines = seen.logs.filter((line) => line.startsWith('relay-state'));
    expect(lines.length).toBeGreaterThan(10);
    for (const line of lines) expect(line).toMatch(/^relay-state: \d{3} [a-z_]+$/);
    for (const line of seen.logs) expect(line).not.toContain(RELAY_KEY);
  });
});
