/** The token function end to end: a real handler, real `Request`s, a fake Firmafon on loopback. */
import { describe, expect, it } from 'vitest';
import handler, { config } from '../token.ts';
import { signState } from './signed-state.ts';
import { closedPortUrl, fakeFirmafonPerFile, json } from './test-support/fake-firmafon.ts';
import {
  ACCESS_TOKEN,
  CALLBACK,
  CLIENT_ID,
  CLIENT_SECRET,
  CODE,
  PREVIEW,
  RELAY,
  SITE,
  RELAY_KEY,
  VERIFIER,
  baseEnv,
  SITE_NAME,
  bound,
  boundRelayNonce,
  boundState,
  captureConsole,
  inspect,
  relayEnv,
  seen,
  envPerTest,
  streamOf,
  tokenRequest,
} from './test-support/harness.ts';

const fake = fakeFirmafonPerFile(() => json(200, { access_token: ACCESS_TOKEN, token_type: 'Bearer' }));
const useEnv = envPerTest(() => baseEnv(fake.url));

captureConsole();

const call = async (request: Request) => inspect(await handler(request));

/** The proof a preview sends after the relay: its verifier, and the relay state signed for it (origin, nonce). */
const relayBound = (verifier = VERIFIER, origin = PREVIEW, now = Date.now()) => ({
  code_verifier: verifier,
  state: signState({ origin, nonce: boundRelayNonce(verifier), key: RELAY_KEY, now }),
});
const errorOf = (body: unknown) => (body as { error?: unknown }).error;
const descriptionOf = (body: unknown) => String((body as { error_description?: unknown }).error_description);

describe('the function config', () => {
  it('serves /api/auth/token with a rate limit and no method restriction', () => {
    expect(config).toEqual({
      path: '/api/auth/token',
      rateLimit: { windowLimit: 20, windowSize: 60, aggregateBy: ['ip', 'domain'] },
    });
  });
});

describe('a successful exchange', () => {
  it('answers 200 with only the access token, dropping a refresh token and anything else', async () => {
    fake.script(json(200, { access_token: ACCESS_TOKEN, token_type: 'Bearer', refresh_token: 'refresh-1', scope: 'all', created_at: 1 }));
    const res = await call(tokenRequest());
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ access_token: ACCESS_TOKEN });
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.text).not.toContain('refresh-1');
  });

  it('passes expires_in on when Firmafon sends one', async () => {
    fake.script(json(200, { access_token: ACCESS_TOKEN, expires_in: 7200 }));
    expect((await call(tokenRequest())).json).toEqual({ access_token: ACCESS_TOKEN, expires_in: 7200 });
  });

  it('sends Firmafon a form-encoded body with the grant and the credentials, and nothing in the query string', async () => {
    await call(tokenRequest());
    expect(fake.received).toHaveLength(1);
    const received = fake.received[0]!;
    expect(received.method).toBe('POST');
    expect(received.url).toBe('/api/v2/token');
    expect(received.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
    expect(received.headers['accept']).toBe('application/json');
    expect(received.headers['cookie']).toBeUndefined();
    expect(Object.fromEntries(new URLSearchParams(received.body))).toEqual({
      grant_type: 'authorization_code',
      code: CODE,
      redirect_uri: CALLBACK,
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
    });
  });

  it('forwards the code_verifier when PKCE is on', async () => {
    useEnv({ ...baseEnv(fake.url), FIRMAFON_PKCE: 'on' });
    const res = await call(tokenRequest({ body: { code: CODE, redirect_uri: CALLBACK, ...bound() } }));
    expect(res.status).toBe(200);
    const form = new URLSearchParams(fake.received[0]!.body);
    expect(form.get('code_verifier')).toBe(VERIFIER);
    expect(form.get('client_secret')).toBe(CLIENT_SECRET);
    expect(fake.received[0]!.url).toBe('/api/v2/token');
  });

  it('keeps the verifier to itself when PKCE is off: Firmafon got no challenge, the verifier only proves the browser', async () => {
    await call(tokenRequest({ body: { code: CODE, redirect_uri: CALLBACK, ...bound() } }));
    expect(new URLSearchParams(fake.received[0]!.body).has('code_verifier')).toBe(false);
  });

  it('trims whitespace around the code', async () => {
    await call(tokenRequest({ body: { code: `  ${CODE}\n`, redirect_uri: CALLBACK, ...bound() } }));
    expect(new URLSearchParams(fake.received[0]!.body).get('code')).toBe(CODE);
  });

  it.each([
    ['ALLOWED_ORIGINS', { ALLOWED_ORIGINS: 'https://other.example, https://Extra.Example/' }, 'https://extra.example'],
    ['DEPLOY_PRIME_URL', { DEPLOY_PRIME_URL: 'https://main--dash.netlify.app' }, 'https://main--dash.netlify.app'],
    ['DEPLOY_URL', { DEPLOY_URL: 'https://abc123--dash.netlify.app' }, 'https://abc123--dash.netlify.app'],
    ['a loopback ALLOWED_ORIGINS entry over http', { ALLOWED_ORIGINS: 'http://localhost:8888' }, 'http://localhost:8888'],
  ])('accepts the callback of an origin allowed by %s', async (_name, extra, origin) => {
    useEnv({ ...baseEnv(fake.url), ...extra });
    const res = await call(tokenRequest({ headers: { Origin: origin }, body: { code: CODE, redirect_uri: `${origin}/auth/callback`, ...bound() } }));
    expect(res.status).toBe(200);
  });

  it('accepts a request without an Origin header when the custom header is present', async () => {
    expect((await call(tokenRequest({ headers: { Origin: null } }))).status).toBe(200);
  });

  it('accepts application/json with a charset parameter', async () => {
    expect((await call(tokenRequest({ headers: { 'Content-Type': 'application/json; charset=UTF-8' } }))).status).toBe(200);
  });

  it('accepts a body of exactly 4096 bytes', async () => {
    const body = JSON.stringify({ code: CODE, redirect_uri: CALLBACK, ...bound() });
    const res = await call(tokenRequest({ raw: body.padEnd(4096, ' ') }));
    expect(res.status).toBe(200);
  });
});

describe('a deploy preview signing in through the production relay', () => {
  /** A preview's redemption: through the relay its state is the relay state signed for the preview's origin. */
  const previewRequest = (redirectUri: string, init: { origin?: string; headers?: Record<string, string | null> } = {}) =>
    tokenRequest({
      origin: init.origin ?? PREVIEW,
      ...(init.headers ? { headers: init.headers } : {}),
      body: { code: CODE, redirect_uri: redirectUri, ...(redirectUri === RELAY ? relayBound() : bound()) },
    });

  it("exchanges the code with the relay's URL as redirect_uri", async () => {
    useEnv(relayEnv(fake.url));
    const res = await call(previewRequest(RELAY));
    expect(res.status).toBe(200);
    expect(new URLSearchParams(fake.received[0]!.body).get('redirect_uri')).toBe(RELAY);
  });

  it("still accepts the preview's own callback (a per-context registration)", async () => {
    useEnv(relayEnv(fake.url));
    expect((await call(previewRequest(`${PREVIEW}/auth/callback`))).status).toBe(200);
  });

  it.each([
    ['without a signing key', { RELAY_SIGNING_KEY: undefined }],
    ['with optional state', { FIRMAFON_STATE: 'optional' }],
  ])('refuses the relay URL on a preview %s (no relay mode)', async (_name, override) => {
    useEnv({ ...relayEnv(fake.url), ...override });
    const res = await call(previewRequest(RELAY));
    expect([res.status, descriptionOf(res.json)]).toEqual([400, 'redirect_uri is not allowed.']);
    expect(fake.received).toHaveLength(0);
  });

  it('refuses the relay URL on production itself, which signs in through its own callback', async () => {
    useEnv(relayEnv(fake.url));
    const res = await call(previewRequest(RELAY, { origin: SITE }));
    expect([res.status, descriptionOf(res.json)]).toEqual([400, 'redirect_uri is not allowed.']);
  });

  it.each([
    ['a trailing slash', `${RELAY}/`],
    ['a query', `${RELAY}?x=1`],
    ["the preview's own relay path", `${PREVIEW}/auth/relay`],
    ['another site', 'https://other.example/auth/relay'],
    ['http', RELAY.replace('https:', 'http:')],
  ])('refuses a relay look-alike with %s', async (_name, redirectUri) => {
    useEnv(relayEnv(fake.url));
    const res = await call(previewRequest(redirectUri));
    expect([res.status, descriptionOf(res.json)]).toEqual([400, 'redirect_uri is not allowed.']);
    expect(fake.received).toHaveLength(0);
  });

  it("refuses script from another of the site's previews (403), and a preview of another site", async () => {
    useEnv(relayEnv(fake.url));
    const other = await call(previewRequest(RELAY, { headers: { Origin: 'https://deploy-preview-7--dash-site.netlify.app' } }));
    expect([other.status, errorOf(other.json)]).toEqual([403, 'forbidden']);
    const foreign = await call(previewRequest(RELAY, { origin: 'https://deploy-preview-42--other-site.netlify.app' }));
    expect([foreign.status, errorOf(foreign.json)]).toEqual([403, 'forbidden']);
  });
});

describe('answers from Firmafon that are not a token', () => {
  it.each([
    ['invalid_grant with 400', json(400, { error: 'invalid_grant', error_description: 'The provided authorization grant is invalid' }), 400, 'invalid_grant'],
    ['invalid_grant with 401', json(401, { error: 'invalid_grant' }), 400, 'invalid_grant'],
    ['invalid_client', json(401, { error: 'invalid_client', error_description: 'Client authentication failed' }), 502, 'invalid_client'],
    ['invalid_request', json(400, { error: 'invalid_request' }), 400, 'invalid_request'],
    ['unauthorized_client', json(400, { error: 'unauthorized_client' }), 400, 'unauthorized_client'],
    ['unsupported_grant_type', json(400, { error: 'unsupported_grant_type' }), 400, 'unsupported_grant_type'],
    ['invalid_scope', json(400, { error: 'invalid_scope' }), 400, 'invalid_scope'],
    ['an unknown OAuth error', json(400, { error: 'something_else' }), 502, 'upstream_invalid_response'],
    ['an error named like an Object property', json(400, { error: 'constructor' }), 502, 'upstream_invalid_response'],
    ['a REST-style error body', json(403, { status: 403, message: 'Forbidden' }), 502, 'upstream_invalid_response'],
    ['a 500', json(500, { error: 'server_error' }), 502, 'upstream_unavailable'],
    ['a 503 HTML page', { kind: 'respond', status: 503, headers: { 'Content-Type': 'text/html' }, body: '<h1>down</h1>' }, 502, 'upstream_unavailable'],
    ['a 200 that is not JSON', { kind: 'respond', status: 200, headers: { 'Content-Type': 'text/html' }, body: '<html>hi</html>' }, 502, 'upstream_invalid_response'],
    ['a 200 without an access_token', json(200, { token_type: 'Bearer' }), 502, 'upstream_invalid_response'],
    ['a 200 with an empty access_token', json(200, { access_token: '' }), 502, 'upstream_invalid_response'],
    ['a 200 with a non-string access_token', json(200, { access_token: 42 }), 502, 'upstream_invalid_response'],
    ['a 200 with an access_token that cannot be a header', json(200, { access_token: 'a b\nc' }), 502, 'upstream_invalid_response'],
    ['a 200 with a token that is not a bearer token', json(200, { access_token: ACCESS_TOKEN, token_type: 'mac' }), 502, 'upstream_invalid_response'],
    ['a 200 with a JSON array', json(200, [ACCESS_TOKEN]), 502, 'upstream_invalid_response'],
    ['a redirect', { kind: 'respond', status: 302, headers: { Location: 'https://evil.example/' } }, 502, 'upstream_invalid_response'],
    ['a 404 HTML page', { kind: 'respond', status: 404, headers: { 'Content-Type': 'text/html' }, body: 'Not found' }, 502, 'upstream_invalid_response'],
    ['a 429', json(429, { error: 'slow_down' }), 429, 'rate_limited'],
  ] as const)('maps %s to %i %s', async (_name, action, status, error) => {
    fake.script(action);
    const res = await call(tokenRequest());
    expect(res.status).toBe(status);
    expect(errorOf(res.json)).toBe(error);
  });

  it("never passes on Firmafon's own error description", async () => {
    fake.script(json(400, { error: 'invalid_grant', error_description: 'UPSTREAM-TEXT <script>alert(1)</script>' }));
    const res = await call(tokenRequest());
    expect(res.text).not.toContain('UPSTREAM-TEXT');
    expect(descriptionOf(res.json)).toMatch(/sign in again/i);
  });

  it('tells the site owner which variables to check when Firmafon refuses our client credentials', async () => {
    fake.script(json(401, { error: 'invalid_client' }));
    expect(descriptionOf((await call(tokenRequest())).json)).toMatch(/FIRMAFON_CLIENT_ID and FIRMAFON_CLIENT_SECRET/);
  });

  it('passes a numeric Retry-After on with a 429', async () => {
    fake.script(json(429, {}, { 'Retry-After': '30' }));
    const res = await call(tokenRequest());
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('30');
  });

  it('drops a Retry-After that is not a number of seconds', async () => {
    fake.script(json(429, {}, { 'Retry-After': 'Wed, 21 Oct 2015 07:28:00 GMT' }));
    const res = await call(tokenRequest());
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBeNull();
  });

  it('answers 502 upstream_unavailable when nothing listens at FIRMAFON_URL', async () => {
    useEnv(baseEnv(await closedPortUrl()));
    const res = await call(tokenRequest());
    expect([res.status, errorOf(res.json)]).toEqual([502, 'upstream_unavailable']);
  });

  it('answers 502 upstream_unavailable when Firmafon drops the connection', async () => {
    fake.script({ kind: 'destroy' });
    const res = await call(tokenRequest());
    expect([res.status, errorOf(res.json)]).toEqual([502, 'upstream_unavailable']);
  });

  it('answers 504 upstream_timeout when Firmafon does not answer in time', async () => {
    useEnv({ ...baseEnv(fake.url), FIRMAFON_TIMEOUT_MS: '150' });
    fake.script({ kind: 'hang' });
    const started = Date.now();
    const res = await call(tokenRequest());
    expect([res.status, errorOf(res.json)]).toEqual([504, 'upstream_timeout']);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('requests the function refuses', () => {
  it.each(['GET', 'HEAD', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'])('answers %s with 405 and Allow: POST', async (method) => {
    const res = await call(tokenRequest({ method }));
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
    if (method !== 'HEAD') expect(errorOf(res.json)).toBe('method_not_allowed');
  });

  it.each([
    ['a foreign Origin', { Origin: 'https://evil.example' }],
    ['an Origin that differs only in scheme', { Origin: 'http://dash.example' }],
    ['the opaque Origin null', { Origin: 'null' }],
    ['Sec-Fetch-Site: cross-site', { 'Sec-Fetch-Site': 'cross-site' }],
    ['no custom header', { 'X-Firmafon-Dashboard': null }],
    ['a custom header with another value', { 'X-Firmafon-Dashboard': '0' }],
    ['a form-like request from another site', { Origin: 'https://evil.example', 'Content-Type': 'application/x-www-form-urlencoded', 'X-Firmafon-Dashboard': null }],
  ])('answers 403 forbidden to %s', async (_name, headers) => {
    const res = await call(tokenRequest({ headers }));
    expect([res.status, errorOf(res.json)]).toEqual([403, 'forbidden']);
    expect(fake.received).toHaveLength(0);
  });

  it.each([
    ['no Content-Type', null],
    ['text/plain', 'text/plain'],
    ['a form', 'application/x-www-form-urlencoded'],
    ['multipart', 'multipart/form-data; boundary=x'],
    ['a JSON look-alike', 'application/jsonp'],
  ])('answers 415 to %s', async (_name, contentType) => {
    const res = await call(tokenRequest({ headers: { 'Content-Type': contentType } }));
    expect([res.status, errorOf(res.json)]).toEqual([415, 'unsupported_media_type']);
  });

  it('answers 413 to a declared Content-Length above 4096 bytes without reading the body', async () => {
    const res = await call(tokenRequest({ headers: { 'Content-Length': '5000' } }));
    expect([res.status, errorOf(res.json)]).toEqual([413, 'payload_too_large']);
  });

  it('answers 413 to a streamed body that grows past 4096 bytes without a Content-Length', async () => {
    const res = await call(tokenRequest({ raw: streamOf(10_000) }));
    expect([res.status, errorOf(res.json)]).toEqual([413, 'payload_too_large']);
    expect(fake.received).toHaveLength(0);
  });

  it('answers 413 to a body that is one byte over the cap', async () => {
    const res = await call(tokenRequest({ raw: ' '.repeat(4097) }));
    expect(res.status).toBe(413);
  });

  it.each([
    ['an empty body', '', /JSON/],
    ['a body that is not JSON', 'code=abc', /JSON/],
    ['a body that is not UTF-8', new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), /UTF-8/],
    ['a JSON array', '[]', /JSON object/],
    ['JSON null', 'null', /JSON object/],
    ['a missing code', JSON.stringify({ redirect_uri: CALLBACK }), /^code is required/],
    ['an empty code', JSON.stringify({ code: '', redirect_uri: CALLBACK }), /^code is required/],
    ['a blank code', JSON.stringify({ code: '   ', redirect_uri: CALLBACK }), /^code is required/],
    ['an oversized code', JSON.stringify({ code: 'c'.repeat(513), redirect_uri: CALLBACK }), /^code is too long/],
    ['a code that is not a string', JSON.stringify({ code: 12345, redirect_uri: CALLBACK }), /^code must be a string/],
    ['a missing redirect_uri', JSON.stringify({ code: CODE }), /^redirect_uri is required/],
    ['a relative redirect_uri', JSON.stringify({ code: CODE, redirect_uri: '/auth/callback' }), /^redirect_uri must be an absolute URL/],
    ['a malformed code_verifier', JSON.stringify({ code: CODE, redirect_uri: CALLBACK, code_verifier: 'short' }), /^code_verifier is malformed/],
  ])('answers 400 invalid_request to %s', async (_name, raw, description) => {
    const body = typeof raw === 'string' ? raw : new Blob([raw]).stream();
    const res = await call(tokenRequest({ raw: body }));
    expect([res.status, errorOf(res.json)]).toEqual([400, 'invalid_request']);
    expect(descriptionOf(res.json)).toMatch(description);
    expect(fake.received).toHaveLength(0);
  });

  it('names the field but never echoes its value', async () => {
    const res = await call(tokenRequest({ body: { code: 'ECHO-ME-'.repeat(80), redirect_uri: CALLBACK } }));
    expect(res.status).toBe(400);
    expect(res.text).not.toContain('ECHO-ME');
    const typed = await call(tokenRequest({ body: { code: { value: 'ECHO-ME' }, redirect_uri: CALLBACK } }));
    expect(typed.text).not.toContain('ECHO-ME');
  });

  it.each([
    ['a foreign origin', 'https://evil.example/auth/callback'],
    ['an extra path segment', `${SITE}/auth/callback/x`],
    ['another path', `${SITE}/callback`],
    ['a trailing slash', `${SITE}/auth/callback/`],
    ['a query', `${CALLBACK}?next=/calls`],
    ['an empty query', `${CALLBACK}?`],
    ['a fragment', `${CALLBACK}#x`],
    ['userinfo', 'https://a@dash.example/auth/callback'],
    ['userinfo hiding the real host', 'https://dash.example@evil.example/auth/callback'],
    ['http instead of https', 'http://dash.example/auth/callback'],
    ['an explicit default port', 'https://dash.example:443/auth/callback'],
    ['another port', 'https://dash.example:8443/auth/callback'],
    ['a capitalised host', 'https://DASH.example/auth/callback'],
    ['a subdomain', 'https://evil.dash.example/auth/callback'],
  ])('refuses a redirect_uri with %s', async (_name, redirectUri) => {
    const res = await call(tokenRequest({ body: { code: CODE, redirect_uri: redirectUri } }));
    expect([res.status, errorOf(res.json), descriptionOf(res.json)]).toEqual([400, 'invalid_request', 'redirect_uri is not allowed.']);
    expect(fake.received).toHaveLength(0);
  });

  it('refuses a request without a code_verifier, with PKCE on or off', async () => {
    for (const pkce of ['on', 'off']) {
      useEnv({ ...baseEnv(fake.url), FIRMAFON_PKCE: pkce });
      const res = await call(tokenRequest({ body: { code: CODE, redirect_uri: CALLBACK, state: bound().state } }));
      expect([res.status, errorOf(res.json)]).toEqual([400, 'invalid_binding']);
      expect(descriptionOf(res.json)).toMatch(/code_verifier/);
    }
    expect(fake.received).toHaveLength(0);
  });
});

/**
 * A leaked code (browser history, a log drain) comes with the state it was issued for, but not with the secret verifier
 * of the browser that started the sign-in. The function refuses every redemption without that proof before anything
 * reaches Firmafon (docs/decisions/0011).
 */
describe('binding a redemption to the browser that started the sign-in', () => {
  const OTHER_VERIFIER = 'w'.repeat(43);
  const refusedBeforeFirmafon = async (body: Record<string, unknown>, description: RegExp, init: { origin?: string } = {}) => {
    const res = await call(tokenRequest({ body, ...init }));
    expect([res.status, errorOf(res.json)]).toEqual([400, 'invalid_binding']);
    expect(descriptionOf(res.json)).toMatch(description);
    expect(res.text).not.toContain(VERIFIER);
    expect(fake.received).toHaveLength(0);
  };

  it('refuses a code with the state the URL showed but no proof (the leaked-URL replay)', async () => {
    await refusedBeforeFirmafon({ code: CODE, redirect_uri: CALLBACK, state: bound().state }, /code_verifier is required/);
  });

  it('refuses a code with no state and no proof, the request an outside review sent', async () => {
    await refusedBeforeFirmafon({ code: CODE, redirect_uri: CALLBACK }, /code_verifier is required/);
  });

  it("refuses a proof that belongs to another sign-in (another tab's or browser's verifier)", async () => {
    await refusedBeforeFirmafon({ code: CODE, redirect_uri: CALLBACK, state: bound().state, code_verifier: OTHER_VERIFIER }, /not started by this browser/);
  });

  it('refuses a proof older than the ten minutes a code lives', async () => {
    const issuedAt = Math.floor(Date.now() / 1000) - 11 * 60 - 5;
    await refusedBeforeFirmafon({ code: CODE, redirect_uri: CALLBACK, code_verifier: VERIFIER, state: boundState(VERIFIER, issuedAt) }, /longer than 10 minutes/);
  });

  it('refuses a state whose start time was changed to make it look fresh', async () => {
    const old = boundState(VERIFIER, Math.floor(Date.now() / 1000) - 3600);
    const [version, , digest] = old.split('.');
    const freshened = `${version}.${Math.floor(Date.now() / 1000)}.${digest}`;
    await refusedBeforeFirmafon({ code: CODE, redirect_uri: CALLBACK, code_verifier: VERIFIER, state: freshened }, /not started by this browser/);
  });

  it("refuses a proof replayed with a second code when the state does not match that code's sign-in", async () => {
    // Sign-in A's verifier, presented with the code and state of sign-in B (what B's callback URL showed).
    await refusedBeforeFirmafon({ code: 'second-code', redirect_uri: CALLBACK, code_verifier: VERIFIER, state: bound(OTHER_VERIFIER).state }, /not started by this browser/);
  });

  it('redeems the code of the browser that started the sign-in, and sends Firmafon its verifier as the PKCE code_verifier', async () => {
    useEnv({ ...baseEnv(fake.url), FIRMAFON_PKCE: 'on' });
    const res = await call(tokenRequest({ body: { code: CODE, redirect_uri: CALLBACK, ...bound() } }));
    expect(res.status).toBe(200);
    expect(new URLSearchParams(fake.received[0]!.body).get('code_verifier')).toBe(VERIFIER);
  });

  it('accepts no state only in the optional-state mode, where PKCE makes Firmafon bind the code', async () => {
    useEnv({ ...baseEnv(fake.url), FIRMAFON_STATE: 'optional', FIRMAFON_PKCE: 'on' });
    expect((await call(tokenRequest({ body: { code: CODE, redirect_uri: CALLBACK, code_verifier: VERIFIER } }))).status).toBe(200);
    fake.received.length = 0;
    useEnv({ ...baseEnv(fake.url), FIRMAFON_PKCE: 'on' });
    await refusedBeforeFirmafon({ code: CODE, redirect_uri: CALLBACK, code_verifier: VERIFIER }, /state is required/);
  });

  describe('through the production relay (a deploy preview)', () => {
    it('redeems with the relay state signed for this preview and a nonce derived from the verifier', async () => {
      useEnv(relayEnv(fake.url));
      const res = await call(tokenRequest({ origin: PREVIEW, body: { code: CODE, redirect_uri: RELAY, ...relayBound() } }));
      expect(res.status).toBe(200);
    });

    it.each([
      ['no proof', () => ({ state: relayBound().state })],
      ["another sign-in's verifier", () => ({ state: relayBound().state, code_verifier: OTHER_VERIFIER })],
      ['a relay state signed for another preview', () => relayBound(VERIFIER, `https://deploy-preview-7--${SITE_NAME}.netlify.app`)],
      ['an expired relay state', () => relayBound(VERIFIER, PREVIEW, Date.now() - 11 * 60 * 1000)],
      ['a relay state signed with another key', () => ({ code_verifier: VERIFIER, state: signState({ origin: PREVIEW, nonce: boundRelayNonce(), key: 'x'.repeat(40), now: Date.now() }) })],
    ])('refuses %s before anything reaches Firmafon', async (_name, proof) => {
      useEnv(relayEnv(fake.url));
      await refusedBeforeFirmafon({ code: CODE, redirect_uri: RELAY, ...proof() }, /sign in again/i, { origin: PREVIEW });
    });
  });
});

describe('a deploy that is not configured', () => {
  it.each([
    ['FIRMAFON_CLIENT_ID', { FIRMAFON_CLIENT_ID: undefined }, /^FIRMAFON_CLIENT_ID is not set/],
    ['FIRMAFON_CLIENT_SECRET', { FIRMAFON_CLIENT_SECRET: undefined }, /^FIRMAFON_CLIENT_SECRET is not set/],
    ['an empty FIRMAFON_CLIENT_SECRET', { FIRMAFON_CLIENT_SECRET: '  ' }, /^FIRMAFON_CLIENT_SECRET is not set/],
    ['both credentials', { FIRMAFON_CLIENT_ID: undefined, FIRMAFON_CLIENT_SECRET: undefined }, /^FIRMAFON_CLIENT_ID and FIRMAFON_CLIENT_SECRET are not set/],
  ])('answers 503 server_misconfigured naming a missing %s', async (_name, override, description) => {
    useEnv({ ...baseEnv(fake.url), ...override });
    const res = await call(tokenRequest());
    expect([res.status, errorOf(res.json)]).toEqual([503, 'server_misconfigured']);
    expect(descriptionOf(res.json)).toMatch(description);
    expect(fake.received).toHaveLength(0);
  });

  it.each([
    ['FIRMAFON_URL', 'http://bad-value-firmafon.example'],
    ['FIRMAFON_URL', 'https://bad-value.example/with/path'],
    ['FIRMAFON_PKCE', 'bad-value-maybe'],
    ['FIRMAFON_STATE', 'bad-value-sometimes'],
    ['FIRMAFON_TIMEOUT_MS', 'bad-value-soon'],
    ['ALLOWED_ORIGINS', 'https://ok.example, bad-value-origin'],
    ['URL', 'ftp://bad-value.example'],
  ] as const)('answers 503 naming %s when it is invalid, without echoing the value', async (name, value) => {
    useEnv({ ...baseEnv(fake.url), [name]: value });
    const res = await call(tokenRequest());
    expect([res.status, errorOf(res.json)]).toEqual([503, 'server_misconfigured']);
    expect(descriptionOf(res.json)).toMatch(new RegExp(`^${name} `));
    expect(res.text).not.toContain('bad-value');
  });

  it('still answers 405 before looking at the environment', async () => {
    useEnv({});
    expect((await call(tokenRequest({ method: 'GET' }))).status).toBe(405);
  });
});

describe('secrecy across every answer', () => {
  it('never put the client secret, the code or the access token in a log line, and the secret in no response', () => {
    // `inspect` already checked each response; this checks the file saw enough to mean something.
    expect(seen.responses.length).toBeGreaterThan(60);
    for (const response of seen.responses) expect(response).not.toContain(CLIENT_SECRET);
    expect(seen.logs.length).toBeGreaterThan(30);
    for (const line of seen.logs) {
      expect(line).not.toContain(CLIENT_SECRET);
      expect(line).not.toContain(CODE);
      expect(line).not.toContain(ACCESS_TOKEN);
      expect(line).toMatch(/^token: \d{3} [a-z_]+$/);
    }
  });
});
