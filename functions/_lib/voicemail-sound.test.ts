/**
 * The voicemail sound function end to end: only Firmafon's own sound URLs are fetched, with the token from the
 * header; ranges pass through; only audio comes back; the token is never in a URL or a log line.
 */
import { describe, expect, it } from 'vitest';
import handler from '../voicemail-sound.ts';
import { fakeFirmafonPerFile, json, type FakeAction } from './test-support/fake-firmafon.ts';
import { ACCESS_TOKEN, SITE, baseEnv, captureConsole, envPerTest, inspect, seen } from './test-support/harness.ts';

const fake = fakeFirmafonPerFile(() => audio());
const useEnv = envPerTest(() => baseEnv(fake.url));

captureConsole();

const MP3 = 'ID3\u0003fake-mp3-bytes';
const audio = (status = 200, headers: Record<string, string> = {}, body = MP3): FakeAction => ({
  kind: 'respond',
  status,
  headers: { 'Content-Type': 'audio/mpeg', 'Accept-Ranges': 'bytes', 'Content-Length': String(Buffer.byteLength(body)), ...headers },
  body,
});

const soundUrl = (path = '/api/v1/voice_mails/302667/sound') => `${fake.url}${path}`;
function soundRequest(url: string | null, init: { headers?: Record<string, string>; token?: boolean; query?: string; method?: string } = {}): Request {
  const query = init.query ?? (url === null ? '' : `?url=${encodeURIComponent(url)}`);
  return new Request(`${SITE}/api/voicemail-sound${query}`, {
    method: init.method ?? 'GET',
    headers: { ...(init.token === false ? {} : { Authorization: `Bearer ${ACCESS_TOKEN}` }), ...init.headers },
  });
}
const call = async (request: Request) => inspect(await handler(request));
const errorOf = (body: unknown) => (body as { error?: unknown }).error;

describe('fetching a sound', () => {
  it.each(['/api/v1/voice_mails/302667/sound', '/api/v2/voice_mails/302667/sound'])('fetches %s from Firmafon with the bearer token and Accept: audio/mpeg', async (path) => {
    const res = await call(soundRequest(soundUrl(path)));
    expect([res.status, res.text, res.headers.get('content-type')]).toEqual([200, MP3, 'audio/mpeg']);
    const received = fake.received[0]!;
    expect([received.method, received.url]).toEqual(['GET', path]);
    expect(received.headers['authorization']).toBe(`Bearer ${ACCESS_TOKEN}`);
    expect(received.headers['accept']).toBe('audio/mpeg');
    expect(received.url).not.toContain(ACCESS_TOKEN);
  });

  it('passes Range through and answers 206 with Content-Range', async () => {
    fake.script(audio(206, { 'Content-Range': `bytes 0-3/${MP3.length}` }, 'ID3\u0003'));
    const res = await call(soundRequest(soundUrl(), { headers: { Range: 'bytes=0-3' } }));
    expect(fake.received[0]!.headers['range']).toBe('bytes=0-3');
    expect([res.status, res.text]).toEqual([206, 'ID3\u0003']);
    expect(res.headers.get('content-range')).toBe(`bytes 0-3/${MP3.length}`);
    expect(res.headers.get('accept-ranges')).toBe('bytes');
    expect(res.headers.get('content-length')).toBe('4');
  });

  it('answers 416 with Content-Range and no body when the range is past the end', async () => {
    fake.script({ kind: 'respond', status: 416, headers: { 'Content-Range': 'bytes */20', 'Content-Type': 'text/html' }, body: '<html>nope</html>' });
    const res = await call(soundRequest(soundUrl(), { headers: { Range: 'bytes=100-' } }));
    expect([res.status, res.text, res.headers.get('content-range'), res.headers.get('content-type')]).toEqual([416, '', 'bytes */20', null]);
  });

  it.each(['bytes=0-3,x', 'items=0-3', 'bytes=0-3;x', 'bytes=' + '1-2,'.repeat(10) + '3-4'])('does not forward a Range that is not a plain byte range (%s)', async (range) => {
    await call(soundRequest(soundUrl(), { headers: { Range: range } }));
    expect(fake.received[0]!.headers['range']).toBeUndefined();
  });

  it('passes back only Content-Type, Content-Length, Content-Range and Accept-Ranges, plus no-store and nosniff', async () => {
    fake.script(audio(200, { 'Set-Cookie': 'session=1', 'Cache-Control': 'public, max-age=600', ETag: '"abc"', Server: 'nginx', 'Access-Control-Allow-Origin': '*', Location: 'https://evil.example/' }));
    const res = await call(soundRequest(soundUrl()));
    const names: string[] = [];
    res.headers.forEach((_value, name) => names.push(name));
    expect(names.sort()).toEqual(['accept-ranges', 'cache-control', 'content-length', 'content-security-policy', 'content-type', 'x-content-type-options']);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('sends Firmafon nothing from the browser but the token, Accept and Range', async () => {
    await call(soundRequest(soundUrl(), { headers: { Cookie: 'a=1', Referer: `${SITE}/voicemail`, 'X-Custom': '1', 'Accept-Language': 'da' } }));
    const headers = fake.received[0]!.headers;
    expect([headers['cookie'], headers['referer'], headers['x-custom']]).toEqual([undefined, undefined, undefined]);
  });
});

describe('refusing what is not audio', () => {
  it.each(['text/html', 'application/json', 'image/svg+xml', 'audio', 'audio/', 'application/octet-stream'])('answers 502 when Firmafon sends %s instead of audio', async (type) => {
    fake.script({ kind: 'respond', status: 200, headers: { 'Content-Type': type }, body: '<script>alert(1)</script>' });
    const res = await call(soundRequest(soundUrl()));
    expect([res.status, errorOf(res.json)]).toEqual([502, 'upstream_invalid_response']);
    expect(res.text).not.toContain('<script>');
  });

  it('answers 502 when Firmafon sends no Content-Type', async () => {
    fake.script({ kind: 'respond', status: 200, body: MP3 });
    expect((await call(soundRequest(soundUrl()))).status).toBe(502);
  });

  it('accepts any audio type with parameters', async () => {
    fake.script(audio(200, { 'Content-Type': 'audio/ogg; codecs=opus' }));
    expect((await call(soundRequest(soundUrl()))).status).toBe(200);
  });

  it.each([
    [401, 401, 'invalid_token'],
    [403, 403, 'forbidden'],
    [404, 404, 'not_found'],
    [429, 429, 'rate_limited'],
    [500, 502, 'upstream_unavailable'],
  ])("answers Firmafon's %i as %i %s in our own words", async (upstream, status, code) => {
    fake.script(json(upstream, { status: 'failure', message: 'upstream words' }));
    const res = await call(soundRequest(soundUrl()));
    expect([res.status, errorOf(res.json)]).toEqual([status, code]);
    expect(res.text).not.toContain('upstream words');
  });

  it('answers 502 instead of following a redirect', async () => {
    fake.script({ kind: 'respond', status: 302, headers: { Location: 'https://evil.example/steal' } });
    const res = await call(soundRequest(soundUrl()));
    expect([res.status, errorOf(res.json), res.headers.get('location')]).toEqual([502, 'upstream_invalid_response', null]);
  });

  it('answers 504 when Firmafon does not answer in time', async () => {
    useEnv({ ...baseEnv(fake.url), FIRMAFON_TIMEOUT_MS: '150' });
    fake.script({ kind: 'hang' });
    expect(errorOf((await call(soundRequest(soundUrl()))).json)).toBe('upstream_timeout');
  });
});

describe('only Firmafon’s own sound URLs', () => {
  const port = () => new URL(fake.url).port;
  const hostile: [string, () => string][] = [
    ['another host', () => 'https://evil.example/api/v1/voice_mails/1/sound'],
    ['the same host by another name', () => `http://localhost:${port()}/api/v1/voice_mails/1/sound`],
    ['the same host on another port', () => `http://127.0.0.1:${Number(port()) + 1}/api/v1/voice_mails/1/sound`],
    ['a port with more digits', () => `${fake.url}1/api/v1/voice_mails/1/sound`],
    ['https instead of http', () => `https://127.0.0.1:${port()}/api/v1/voice_mails/1/sound`],
    ['userinfo', () => `http://user:pass@127.0.0.1:${port()}/api/v1/voice_mails/1/sound`],
    ['the origin as userinfo of another host', () => `${fake.url}@evil.example/api/v1/voice_mails/1/sound`],
    ['an @ inside the path', () => `${fake.url}/api/v1/voice_mails/1/sound@evil.example`],
    ['another host with the origin in its fragment', () => `https://evil.example#@127.0.0.1:${port()}/api/v1/voice_mails/1/sound`],
    ['path traversal', () => `${fake.url}/api/v1/voice_mails/1/../../v2/calls`],
    ['path traversal back to a sound', () => `${fake.url}/api/v2/calls/../voice_mails/1/sound`],
    ['encoded dots', () => `${fake.url}/api/v1/voice_mails/%2e%2e/1/sound`],
    ['an encoded slash', () => `${fake.url}/api/v1/voice_mails%2F1/sound`],
    ['a backslash', () => `${fake.url}/api/v1\\voice_mails/1/sound`],
    ['a doubled slash', () => `${fake.url}//api/v1/voice_mails/1/sound`],
    ['a trailing slash', () => `${fake.url}/api/v1/voice_mails/1/sound/`],
    ['a query', () => `${fake.url}/api/v1/voice_mails/1/sound?access_token=x`],
    ['an empty query', () => `${fake.url}/api/v1/voice_mails/1/sound?`],
    ['a fragment', () => `${fake.url}/api/v1/voice_mails/1/sound#x`],
    ['another version', () => `${fake.url}/api/v3/voice_mails/1/sound`],
    ['another resource', () => `${fake.url}/api/v2/calls/1/sound`],
    ['a non-numeric id', () => `${fake.url}/api/v1/voice_mails/abc/sound`],
    ['no id', () => `${fake.url}/api/v1/voice_mails//sound`],
    ['the voicemail itself', () => `${fake.url}/api/v2/voice_mails/1`],
    ['the token endpoint', () => `${fake.url}/api/v2/token`],
    ['an upper-case host', () => fake.url.replace('http://', 'HTTP://') + '/api/v1/voice_mails/1/sound'],
    ['a tab inside', () => `${fake.url}/api/v1/voice_\tmails/1/sound`],
    ['a leading space', () => ` ${fake.url}/api/v1/voice_mails/1/sound`],
    ['javascript:', () => 'javascript:alert(1)//api/v1/voice_mails/1/sound'],
    ['data:', () => 'data:audio/mpeg;base64,SUQz'],
    ['a relative path', () => '/api/v1/voice_mails/1/sound'],
    ['a protocol-relative URL', () => `//127.0.0.1:${port()}/api/v1/voice_mails/1/sound`],
    ['an empty url', () => ''],
  ];

  it.each(hostile)('refuses %s with 400 and sends nothing anywhere', async (_name, url) => {
    const res = await call(soundRequest(url()));
    expect([res.status, errorOf(res.json)]).toEqual([400, 'invalid_request']);
    expect(fake.received).toEqual([]);
  });

  it('refuses a Firmafon sound URL when FIRMAFON_URL is another origin', async () => {
    useEnv(baseEnv('https://app.firmafon.dk'));
    expect((await call(soundRequest(soundUrl()))).status).toBe(400);
  });

  it('accepts https://app.firmafon.dk sound URLs when that is FIRMAFON_URL (checked without fetching)', async () => {
    // A refused URL answers 400 before the token is looked at; a missing token then shows the URL passed.
    useEnv(baseEnv('https://app.firmafon.dk'));
    const res = await call(soundRequest('https://app.firmafon.dk/api/v1/voice_mails/302667/sound', { token: false }));
    expect(res.status).toBe(401);
  });

  it.each([
    ['no url', ''],
    ['two urls', () => `?url=${encodeURIComponent(soundUrl())}&url=${encodeURIComponent(soundUrl())}`],
    ['a token beside it', () => `?url=${encodeURIComponent(soundUrl())}&access_token=${ACCESS_TOKEN}`],
    ['another parameter', () => `?url=${encodeURIComponent(soundUrl())}&x=1`],
    ['a semicolon', () => `?url=${encodeURIComponent(soundUrl())};access_token=x`],
    ['a differently named parameter', () => `?URL=${encodeURIComponent(soundUrl())}`],
  ])('refuses a query with %s: 400, nothing sent', async (_name, query) => {
    const res = await call(soundRequest(null, { query: typeof query === 'function' ? query() : query }));
    expect(res.status).toBe(400);
    expect(fake.received).toEqual([]);
  });
});

describe('the token', () => {
  it('answers 401 invalid_token with a Bearer challenge when there is no token', async () => {
    const res = await call(soundRequest(soundUrl(), { token: false }));
    expect([res.status, errorOf(res.json), res.headers.get('www-authenticate')]).toEqual([401, 'invalid_token', 'Bearer']);
    expect(fake.received).toEqual([]);
  });

  it('answers 401 for a token that is not a Bearer token', async () => {
    const res = await call(soundRequest(soundUrl(), { headers: { Authorization: `Basic ${ACCESS_TOKEN}` } }));
    expect(res.status).toBe(401);
    expect(fake.received).toEqual([]);
  });

  it.each(['POST', 'PUT', 'DELETE', 'HEAD'])('refuses %s with 405 and Allow: GET', async (method) => {
    const res = await call(soundRequest(soundUrl(), { method }));
    expect([res.status, res.headers.get('allow')]).toEqual([405, 'GET']);
    expect(fake.received).toEqual([]);
  });

  it('never puts the token in a URL or a log line', () => {
    expect(seen.logs.length).toBeGreaterThan(20);
    for (const line of seen.logs) {
      expect(line).not.toContain(ACCESS_TOKEN);
      expect(line).not.toContain('evil.example');
      expect(line).toMatch(/^voicemail-sound: \d{3} [a-z_]+$/);
    }
    for (const response of seen.responses) expect(response).not.toContain(ACCESS_TOKEN);
  });
});
