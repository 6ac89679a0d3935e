/** The proxy function end to end: a real handler, real `Request`s, a fake Firmafon on loopback. */
import { describe, expect, it } from 'vitest';
import handler, { config } from '../firmafon-proxy.ts';
import { closedPortUrl, fakeFirmafonPerFile, json } from './test-support/fake-firmafon.ts';
import { ACCESS_TOKEN, SITE, baseEnv, captureConsole, inspect, seen, envPerTest } from './test-support/harness.ts';

const fake = fakeFirmafonPerFile(() => json(200, { calls: [] }));
const useEnv = envPerTest(() => baseEnv(fake.url));

captureConsole();

function proxyRequest(pathAndQuery: string, init: { method?: string; headers?: Record<string, string> } = {}): Request {
  return new Request(`${SITE}/api/firmafon${pathAndQuery}`, {
    method: init.method ?? 'GET',
    headers: { Authorization: `Bearer ${ACCESS_TOKEN}`, ...init.headers },
  });
}
const call = async (request: Request) => inspect(await handler(request));
const errorOf = (body: unknown) => (body as { error?: unknown }).error;

describe('the function config', () => {
  it('serves everything under /api/firmafon/', () => {
    expect(config).toEqual({ path: '/api/firmafon/*' });
  });
});

describe('forwarding', () => {
  it('forwards the path and query to /api/v2 and streams the answer back', async () => {
    fake.script(json(200, { calls: [{ call_uuid: 'c1' }] }));
    const res = await call(proxyRequest('/calls?limit=50&direction=incoming&started_at_lt_or_eq=2024-01-01T00%3A00%3A00Z'));
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ calls: [{ call_uuid: 'c1' }] });
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(fake.received[0]!.method).toBe('GET');
    expect(fake.received[0]!.url).toBe('/api/v2/calls?limit=50&direction=incoming&started_at_lt_or_eq=2024-01-01T00%3A00%3A00Z');
  });

  it('forwards nested paths', async () => {
    await call(proxyRequest('/calls/3f0e1a2b-1111-2222-3333-444455556666'));
    expect(fake.received[0]!.url).toBe('/api/v2/calls/3f0e1a2b-1111-2222-3333-444455556666');
  });

  it('forwards Authorization, Accept and Accept-Language, and drops cookies and every other header', async () => {
    await call(
      proxyRequest('/employee', {
        headers: {
          Cookie: 'session=abc',
          'Accept-Language': 'da-DK,da;q=0.9',
          Accept: 'text/html',
          'X-Forwarded-For': '10.0.0.1',
          'X-Custom': 'x',
          Referer: `${SITE}/calls`,
        },
      }),
    );
    const headers = fake.received[0]!.headers;
    expect(headers['authorization']).toBe(`Bearer ${ACCESS_TOKEN}`);
    expect(headers['accept']).toBe('application/json');
    expect(headers['accept-language']).toBe('da-DK,da;q=0.9');
    expect(headers['cookie']).toBeUndefined();
    expect(headers['x-forwarded-for']).toBeUndefined();
    expect(headers['x-custom']).toBeUndefined();
    expect(headers['referer']).toBeUndefined();
  });

  it('answers HEAD with the upstream status and headers but no body', async () => {
    const res = await call(proxyRequest('/employee', { method: 'HEAD' }));
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    expect(fake.received[0]!.method).toBe('HEAD');
  });

  it('passes back only Content-Type, Retry-After and WWW-Authenticate, plus no-store and nosniff', async () => {
    fake.script(
      json(200, { calls: [] }, {
        Link: '<https://app.firmafon.dk/api/v2/calls?page=2>; rel="next"',
        'Set-Cookie': 'upstream=1',
        'Access-Control-Allow-Origin': '*',
        'Cache-Control': 'public, max-age=600',
        Server: 'nginx',
        'X-Request-Id': 'r1',
      }),
    );
    const res = await call(proxyRequest('/calls'));
    expect(res.headers.get('link')).toBeNull();
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(res.headers.get('server')).toBeNull();
    expect(res.headers.get('x-request-id')).toBeNull();
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it.each([
    [401, { 'WWW-Authenticate': 'Bearer error="invalid_token"' }, 'www-authenticate', 'Bearer error="invalid_token"'],
    [429, { 'Retry-After': '12' }, 'retry-after', '12'],
    [404, {}, 'content-type', 'application/json'],
    [500, {}, 'content-type', 'application/json'],
    [503, { 'Retry-After': '60' }, 'retry-after', '60'],
  ] as const)('passes an upstream %i through with its body and headers', async (status, headers, name, value) => {
    fake.script(json(status, { status, message: 'upstream says no' }, headers));
    const res = await call(proxyRequest('/calls'));
    expect(res.status).toBe(status);
    expect(res.headers.get(name)).toBe(value);
    expect(res.json).toEqual({ status, message: 'upstream says no' });
  });

  it('passes a 204 through without a body', async () => {
    fake.script({ kind: 'respond', status: 204 });
    const res = await call(proxyRequest('/voice_mails/1'));
    expect([res.status, res.text]).toEqual([204, '']);
  });

  it('answers 502 instead of following an upstream redirect', async () => {
    fake.script({ kind: 'respond', status: 302, headers: { Location: 'https://evil.example/steal' } });
    const res = await call(proxyRequest('/calls'));
    expect([res.status, errorOf(res.json)]).toEqual([502, 'upstream_invalid_response']);
    expect(res.headers.get('location')).toBeNull();
    expect(fake.received).toHaveLength(1);
  });
});

describe('upstream trouble', () => {
  it('answers 504 upstream_timeout when Firmafon does not answer in time', async () => {
    useEnv({ ...baseEnv(fake.url), FIRMAFON_TIMEOUT_MS: '150' });
    fake.script({ kind: 'hang' });
    const res = await call(proxyRequest('/calls'));
    expect([res.status, errorOf(res.json)]).toEqual([504, 'upstream_timeout']);
  });

  it('answers 502 upstream_unavailable when nothing listens at FIRMAFON_URL', async () => {
    useEnv(baseEnv(await closedPortUrl()));
    const res = await call(proxyRequest('/calls'));
    expect([res.status, errorOf(res.json)]).toEqual([502, 'upstream_unavailable']);
  });

  it('answers 502 upstream_unavailable when Firmafon drops the connection', async () => {
    fake.script({ kind: 'destroy' });
    const res = await call(proxyRequest('/calls'));
    expect([res.status, errorOf(res.json)]).toEqual([502, 'upstream_unavailable']);
  });
});

describe('requests the proxy refuses', () => {
  it.each(['POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'])('answers %s with 405 and Allow: GET, HEAD', async (method) => {
    const res = await call(proxyRequest('/calls', { method }));
    expect([res.status, errorOf(res.json)]).toEqual([405, 'method_not_allowed']);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
    expect(fake.received).toHaveLength(0);
  });

  it('answers 401 invalid_token with a Bearer challenge when there is no Authorization header', async () => {
    const res = await call(new Request(`${SITE}/api/firmafon/calls`));
    expect([res.status, errorOf(res.json)]).toEqual([401, 'invalid_token']);
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
    expect(fake.received).toHaveLength(0);
  });

  it.each(['Basic dXNlcjpwYXNz', 'Bearer', 'Bearer ', `Bearer ${ACCESS_TOKEN} extra`, 'Token abc'])(
    'answers 401 to Authorization: %s',
    async (authorization) => {
      const res = await call(proxyRequest('/calls', { headers: { Authorization: authorization } }));
      expect(res.status).toBe(401);
      expect(fake.received).toHaveLength(0);
    },
  );

  it.each([
    '?access_token=abc',
    '?limit=5&access_token=abc',
    '?ACCESS_TOKEN=abc',
    '?access_token[]=abc',
    '?bearer_token=abc',
    // Walk-arounds of a check on the name's start, which Rack or Rails may still read as access_token:
    '?%5Baccess_token%5D=a',
    '?a=1;access_token=a',
    '?%20access_token=a',
  ])(
    'refuses a token in the query string (%s) without asking Firmafon',
    async (query) => {
      const res = await call(proxyRequest(`/calls${query}`));
      expect([res.status, errorOf(res.json)]).toEqual([400, 'invalid_request']);
      expect(fake.received).toHaveLength(0);
    },
  );

  it.each([
    ['an encoded slash', '/calls%2F..%2Ftoken'],
    ['an encoded dot segment', '/calls/%2e%2e%2e'],
    ['an empty segment', '/calls//1'],
    ['a trailing slash', '/calls/'],
    ['a dot in a segment', '/calls/x.json'],
    ['a percent-encoded character', '/calls%20x'],
    ['a very long path', `/${'a'.repeat(600)}`],
  ])('answers 400 to a path with %s', async (_name, path) => {
    const res = await call(proxyRequest(path));
    expect([res.status, errorOf(res.json)]).toEqual([400, 'invalid_request']);
    expect(fake.received).toHaveLength(0);
  });

  it.each([
    ['a path that climbs out of the prefix', '/../auth/token'],
    ['an encoded climb out of the prefix', '/%2e%2e/auth/token'],
    ['the bare prefix', '/'],
    ['the prefix without a slash', ''],
    // netlify-cli asks for these after a 404 from the function; they must not turn Firmafon's 404 into a 400.
    ['a static page name', '/calls/00000000-0000-0000-0000-000000000000.html'],
    ['a static page name (htm)', '/calls/00000000-0000-0000-0000-000000000000.htm'],
    ['an index page', '/calls/00000000-0000-0000-0000-000000000000/index.html'],
  ])('answers 404 to %s', async (_name, path) => {
    const res = await call(proxyRequest(path));
    expect([res.status, errorOf(res.json)]).toEqual([404, 'not_found']);
    expect(fake.received).toHaveLength(0);
  });

  it('passes Firmafon\'s 404 for an unknown call straight back', async () => {
    fake.script(json(404, { status: 404, message: 'Not found' }));
    const res = await call(proxyRequest('/calls/00000000-0000-0000-0000-000000000000'));
    expect([res.status, res.json]).toEqual([404, { status: 404, message: 'Not found' }]);
    expect(fake.received[0]!.url).toBe('/api/v2/calls/00000000-0000-0000-0000-000000000000');
  });

  it('answers 503 server_misconfigured when FIRMAFON_URL is invalid', async () => {
    useEnv({ ...baseEnv(fake.url), FIRMAFON_URL: 'http://firmafon.example' });
    const res = await call(proxyRequest('/calls'));
    expect([res.status, errorOf(res.json)]).toEqual([503, 'server_misconfigured']);
  });

  it('does not need the client credentials', async () => {
    useEnv({ FIRMAFON_URL: fake.url });
    expect((await call(proxyRequest('/calls'))).status).toBe(200);
  });
});

describe('secrecy', () => {
  it('never logs the access token', () => {
    expect(seen.logs.length).toBeGreaterThan(10);
    for (const line of seen.logs) {
      expect(line).not.toContain(ACCESS_TOKEN);
      expect(line).toMatch(/^firmafon-proxy: \d{3} [a-z_]+$/);
    }
  });
});
