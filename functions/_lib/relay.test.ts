/** The relay function end to end: a real handler and real `Request`s, in the production site's environment. */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import handler, { config } from '../relay.ts';
import { signState } from './signed-state.ts';
import { CODE, NONCE, PREVIEW, RELAY, RELAY_KEY, SITE, captureConsole, inspect, relayEnv, seen, envPerTest } from './test-support/harness.ts';

captureConsole();
const useEnv = envPerTest(() => relayEnv('https://app.firmafon.dk'));

const stateFor = (origin = PREVIEW, now = Date.now()) => signState({ origin, nonce: NONCE, key: RELAY_KEY, now });
/** A state a key holder could have signed with any claims (the production function never would). */
function craft(claims: { o: string; n?: string; e?: number }, key = RELAY_KEY): string {
  const payload = Buffer.from(JSON.stringify({ o: claims.o, n: claims.n ?? NONCE, e: claims.e ?? Math.floor(Date.now() / 1000) + 300 })).toString('base64url');
  return `v1.${payload}.${createHmac('sha256', key).update(`v1.${payload}`).digest('base64url')}`;
}

function relayUrl(params: Array<[string, string]>, base = RELAY): string {
  const url = new URL(base);
  for (const [name, value] of params) url.searchParams.append(name, value);
  return url.toString();
}
const call = async (url: string, init: RequestInit = {}) => inspect(await handler(new Request(url, init), undefined));

/** The reason code the relay logged for its last refusal. */
const lastReason = () => seen.logs.filter((line) => line.startsWith('relay: ')).at(-1)?.split(' ')[2];

async function expectRefusal(url: string, status = 400, reason?: string) {
  const res = await call(url);
  expect(res.status).toBe(status);
  if (reason !== undefined) expect(lastReason()).toBe(reason);
  expect(res.headers.get('location')).toBeNull();
  expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
  expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  return res;
}

describe('the function config', () => {
  it('serves /auth/relay with a rate limit', () => {
    expect(config).toEqual({ path: '/auth/relay', rateLimit: { windowLimit: 30, windowSize: 60, aggregateBy: ['ip', 'domain'] } });
  });
});

describe('a verified answer', () => {
  it("redirects a code to the preview's callback with only code and state, properly encoded", async () => {
    const state = stateFor();
    const res = await call(relayUrl([['code', CODE], ['state', state], ['scope', 'x'], ['next', 'https://evil.example']]));
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location') ?? '');
    expect(location.origin).toBe(PREVIEW);
    expect(location.pathname).toBe('/auth/callback');
    expect([...location.searchParams.keys()]).toEqual(['code', 'state']);
    expect(location.searchParams.get('code')).toBe(CODE);
    expect(location.searchParams.get('state')).toBe(state);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.text).toBe('');
  });

  it('encodes a code with reserved characters so it cannot add parameters', async () => {
    const code = 'a&state=evil#frag +/?=';
    const res = await call(relayUrl([['code', code], ['state', stateFor()]]));
    const location = new URL(res.headers.get('location') ?? '');
    expect(location.searchParams.get('code')).toBe(code);
    expect(location.searchParams.getAll('state')).toHaveLength(1);
    expect(location.hash).toBe('');
  });

  it("passes the provider's error and description through", async () => {
    const state = stateFor();
    const res = await call(relayUrl([['error', 'access_denied'], ['error_description', 'The resource owner denied the request.'], ['state', state]]));
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location') ?? '');
    expect(location.origin + location.pathname).toBe(`${PREVIEW}/auth/callback`);
    expect(Object.fromEntries(location.searchParams)).toEqual({ error: 'access_denied', error_description: 'The resource owner denied the request.', state });
  });

  it('drops an error description with control characters but still passes the error on', async () => {
    const res = await call(relayUrl([['error', 'access_denied'], ['error_description', 'line\r\nSet-Cookie: x'], ['state', stateFor()]]));
    const location = new URL(res.headers.get('location') ?? '');
    expect(location.searchParams.get('error')).toBe('access_denied');
    expect(location.searchParams.has('error_description')).toBe(false);
  });

  it('relays to a branch deploy and to a deploy permalink', async () => {
    for (const origin of ['https://feature-x--dash-site.netlify.app', 'https://5f2b9c0d1e3a4b5c6d7e8f90--dash-site.netlify.app']) {
      const res = await call(relayUrl([['code', CODE], ['state', stateFor(origin)]]));
      expect(new URL(res.headers.get('location') ?? '').origin).toBe(origin);
    }
  });
});

describe('the relay refuses, with a 400 page and no redirect', () => {
  it('a missing state', async () => {
    const res = await expectRefusal(relayUrl([['code', CODE]]), 400, 'missing_state');
    expect(res.text).toContain('<h1>This sign-in link is not valid</h1>');
    expect(res.text).toContain('lang="da"');
  });

  it.each([
    ['an empty state', ''],
    ['a random state', 'attacker-state-0000000000000000000000000000'],
    ['a state of another version', craft({ o: PREVIEW }).replace(/^v1\./, 'v2.')],
  ])('%s', async (_name, state) => {
    await expectRefusal(relayUrl([['code', CODE], ['state', state]]), 400, state === '' ? 'missing_state' : 'invalid_state');
  });

  it('a tampered state: the origin swapped in the payload', async () => {
    const [version, , mac] = stateFor().split('.');
    const payload = Buffer.from(JSON.stringify({ o: 'https://evil.example', n: NONCE, e: Math.floor(Date.now() / 1000) + 300 })).toString('base64url');
    await expectRefusal(relayUrl([['code', CODE], ['state', `${version}.${payload}.${mac}`]]), 400, 'invalid_state');
  });

  it('a state signed with another key', async () => {
    await expectRefusal(relayUrl([['code', CODE], ['state', craft({ o: PREVIEW }, 'another-relay-signing-key-0123456789abcdef')]]), 400, 'invalid_state');
  });

  it('an expired state, saying it expired', async () => {
    const res = await expectRefusal(relayUrl([['code', CODE], ['state', stateFor(PREVIEW, Date.now() - 11 * 60_000)]]), 400, 'expired_state');
    expect(res.text).toMatch(/expired/);
  });

  it.each([
    ['https://evil.example', 'foreign_origin'],
    ['https://deploy-preview-1--other-site.netlify.app', 'foreign_origin'],
    ['https://deploy-preview-1--dash-site.netlify.app.evil.example', 'foreign_origin'],
    ['https://x.deploy-preview-1--dash-site.netlify.app', 'foreign_origin'],
    ['https://deploy-preview-1--dash-site.netlify.app:8443', 'foreign_origin'],
    ['https://deploy-preview-1--dash-site.netlify.app.', 'foreign_origin'],
    ['https://dash-site.netlify.app', 'foreign_origin'],
    [SITE, 'foreign_origin'],
    // Not even a canonical origin: refused before the allowlist is asked.
    ['https://a@b.example', 'invalid_state'],
    ['https://DEPLOY-PREVIEW-1--dash-site.netlify.app', 'invalid_state'],
    ['https://deploy-preview-1--dash-site.netlify.app/', 'invalid_state'],
    ['https://xn--80ak6aa92e--dash-site.netlify.app', 'invalid_state'],
    ['http://deploy-preview-1--dash-site.netlify.app', 'invalid_state'],
  ])('a correctly signed state naming %s', async (origin, reason) => {
    await expectRefusal(relayUrl([['code', CODE], ['state', craft({ o: origin })]]), 400, reason);
  });

  it.each([
    ['two states', [['code', CODE], ['state', 'x'], ['state', 'y']]],
    ['two codes', [['code', CODE], ['code', 'other']]],
    ['a code and an error', [['code', CODE], ['error', 'access_denied']]],
    ['neither code nor error', []],
    ['an empty code', [['code', '']]],
    ['a code with a control character', [['code', 'abc\ndef']]],
    ['an oversized code', [['code', 'c'.repeat(513)]]],
    ['an error with a quote', [['error', 'a"b']]],
  ] as Array<[string, Array<[string, string]>]>)('%s, even with a valid state', async (_name, params) => {
    const state = stateFor();
    const withState = params.some(([name]) => name === 'state') ? params : [...params, ['state', state] as [string, string]];
    await expectRefusal(relayUrl(withState), 400, params.filter(([name]) => name === 'state').length > 1 || params.filter(([name]) => name === 'code').length > 1 ? 'duplicate_parameter' : 'invalid_response');
  });

  it('an answer on any origin but the registered one (404: there is no relay here)', async () => {
    await expectRefusal(relayUrl([['code', CODE], ['state', stateFor()]], `${PREVIEW}/auth/relay`), 404, 'relay_not_here');
    await expectRefusal(relayUrl([['code', CODE], ['state', stateFor()]], 'https://evil.example/auth/relay'), 404, 'relay_not_here');
  });

  it('everything, when no signing key is set or state is optional (404)', async () => {
    useEnv({ ...relayEnv('https://app.firmafon.dk'), RELAY_SIGNING_KEY: undefined });
    await expectRefusal(relayUrl([['code', CODE], ['state', stateFor()]]), 404);
    useEnv({ ...relayEnv('https://app.firmafon.dk'), FIRMAFON_STATE: 'optional' });
    await expectRefusal(relayUrl([['code', CODE], ['state', stateFor()]]), 404);
  });

  it('everything, with a 503 page, when the environment is invalid', async () => {
    useEnv({ ...relayEnv('https://app.firmafon.dk'), RELAY_SIGNING_KEY: 'too-short' });
    const res = await expectRefusal(relayUrl([['code', CODE], ['state', stateFor()]]), 503);
    expect(res.text).not.toContain('too-short');
  });

  it.each(['POST', 'PUT', 'DELETE'])('%s (405, Allow: GET)', async (method) => {
    const res = await call(relayUrl([['code', CODE], ['state', stateFor()]]), { method });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET');
    expect(res.headers.get('location')).toBeNull();
  });
});

describe('the refusal page', () => {
  it('holds nothing from the request and loads nothing', async () => {
    const res = await expectRefusal(relayUrl([['code', '<script>alert(1)</script>'], ['state', '"><img src=x onerror=alert(1)>']]));
    expect(res.text).not.toContain('<script');
    expect(res.text).not.toContain('onerror');
    expect(res.text).not.toMatch(/<(script|style|img|link|iframe)/i);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  });
});

describe('secrecy', () => {
  it('never logs a code or state, and puts the key in no response', () => {
    expect(seen.logs.length).toBeGreaterThan(20);
    for (const line of seen.logs.filter((l) => l.startsWith('relay'))) {
      expect(line).toMatch(/^relay: \d{3} [a-z_]+$/);
      expect(line).not.toContain(CODE);
    }
    for (const response of seen.responses) expect(response).not.toContain(RELAY_KEY);
  });
});
