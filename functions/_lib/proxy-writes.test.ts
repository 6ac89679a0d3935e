/**
 * The proxy's writes end to end: only the allowlisted method + path pairs reach Firmafon, each only from the
 * dashboard's own script, with a small JSON body that matches its contract, sent on as a Rails form body.
 */
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DASHBOARD_REQUEST_HEADER, DASHBOARD_REQUEST_HEADER_VALUE } from '../../common/routes.ts';
import handler from '../firmafon-proxy.ts';
import { encodeRailsForm, matchWrite } from './proxy-writes.ts';
import { fakeFirmafonPerFile, json } from './test-support/fake-firmafon.ts';
import { ACCESS_TOKEN, SITE, baseEnv, captureConsole, envPerTest, inspect, seen, streamOf } from './test-support/harness.ts';

const fake = fakeFirmafonPerFile(() => json(200, { ok: true }));
const useEnv = envPerTest(() => baseEnv(fake.url));

captureConsole();

interface WriteInit {
  /** Replaces default headers; `null` removes one. */
  headers?: Record<string, string | null>;
  /** A value to JSON-encode; `undefined` sends no body. */
  body?: unknown;
  raw?: string | ReadableStream<Uint8Array>;
}

/** A write as the SPA's script sends it: same origin, the custom header, the bearer token, a JSON body. */
function writeRequest(method: string, path: string, init: WriteInit = {}): Request {
  const headers = new Headers({
    Authorization: `Bearer ${ACCESS_TOKEN}`,
    Origin: SITE,
    'Sec-Fetch-Site': 'same-origin',
    [DASHBOARD_REQUEST_HEADER]: DASHBOARD_REQUEST_HEADER_VALUE,
  });
  if (init.body !== undefined || init.raw !== undefined) headers.set('Content-Type', 'application/json');
  for (const [name, value] of Object.entries(init.headers ?? {})) {
    if (value === null) headers.delete(name);
    else headers.set(name, value);
  }
  const requestInit: RequestInit & { duplex?: 'half' } = { method, headers };
  if (init.raw !== undefined) {
    requestInit.body = init.raw;
    if (typeof init.raw !== 'string') requestInit.duplex = 'half';
  } else if (init.body !== undefined) {
    requestInit.body = JSON.stringify(init.body);
  }
  return new Request(`${SITE}/api/firmafon/${path}`, requestInit);
}
const call = async (request: Request) => inspect(await handler(request));
const errorOf = (body: unknown) => (body as { error?: unknown }).error;
const refusal = async (request: Request) => {
  const res = await call(request);
  return [res.status, errorOf(res.json)];
};

describe('the writes that pass, and the form body Firmafon receives', () => {
  it('places a call: POST switch/dial sends to_number as a form field', async () => {
    const res = await call(writeRequest('POST', 'switch/dial', { body: { to_number: '4512345678' } }));
    expect(res.status).toBe(200);
    const received = fake.received[0]!;
    expect([received.method, received.url, received.body]).toEqual(['POST', '/api/v2/switch/dial', 'to_number=4512345678']);
    expect(received.headers['content-type']).toBe('application/x-www-form-urlencoded; charset=utf-8');
    expect(received.headers['authorization']).toBe(`Bearer ${ACCESS_TOKEN}`);
    expect(received.headers['accept']).toBe('application/json');
  });

  it.each([
    [true, 'voice_mail[heard]=true'],
    [false, 'voice_mail[heard]=false'],
  ])('marks a voicemail heard=%s: PUT voice_mails/:id sends %s', async (heard, form) => {
    fake.script(json(200, { voice_mail: { id: 302667, heard } }));
    const res = await call(writeRequest('PUT', 'voice_mails/302667', { body: { heard } }));
    expect([res.status, res.json]).toEqual([200, { voice_mail: { id: 302667, heard } }]);
    expect([fake.received[0]!.method, fake.received[0]!.url, fake.received[0]!.body]).toEqual(['PUT', '/api/v2/voice_mails/302667', form]);
  });

  it('deletes a voicemail: DELETE voice_mails/:id with no body', async () => {
    const res = await call(writeRequest('DELETE', 'voice_mails/302667'));
    expect(res.status).toBe(200);
    expect([fake.received[0]!.method, fake.received[0]!.url, fake.received[0]!.body]).toEqual(['DELETE', '/api/v2/voice_mails/302667', '']);
    expect(fake.received[0]!.headers['content-type']).toBeUndefined();
  });

  it.each([
    ['turns do-not-disturb on until a time', { do_not_disturb: true, dnd_timeout_at: '2026-11-30T16:00:00.000Z' }, 'employee[do_not_disturb]=true&employee[dnd_timeout_at]=2026-11-30T16%3A00%3A00.000Z'],
    ['turns do-not-disturb on with no end', { do_not_disturb: true }, 'employee[do_not_disturb]=true'],
    ['turns do-not-disturb off with an explicit false', { do_not_disturb: false }, 'employee[do_not_disturb]=false'],
    ['turns do-not-disturb off and clears the timeout with an empty value', { do_not_disturb: false, dnd_timeout_at: null }, 'employee[do_not_disturb]=false&employee[dnd_timeout_at]='],
    ['keeps a time zone offset', { do_not_disturb: true, dnd_timeout_at: '2026-11-30T17:00:00+01:00' }, 'employee[do_not_disturb]=true&employee[dnd_timeout_at]=2026-11-30T17%3A00%3A00%2B01%3A00'],
  ])('%s: PUT employees/:id', async (_name, body, form) => {
    const res = await call(writeRequest('PUT', 'employees/1234', { body }));
    expect(res.status).toBe(200);
    expect([fake.received[0]!.method, fake.received[0]!.url, fake.received[0]!.body]).toEqual(['PUT', '/api/v2/employees/1234', form]);
  });

  it('accepts application/json with a charset', async () => {
    const res = await call(writeRequest('PUT', 'voice_mails/1', { body: { heard: true }, headers: { 'Content-Type': 'application/json; charset=utf-8' } }));
    expect(res.status).toBe(200);
  });

  it('accepts a request without Origin or Sec-Fetch-Site as long as it carries the custom header', async () => {
    const res = await call(writeRequest('PUT', 'voice_mails/1', { body: { heard: true }, headers: { Origin: null, 'Sec-Fetch-Site': null } }));
    expect(res.status).toBe(200);
  });

  it('leaves GET and HEAD as they were: no custom header or body needed', async () => {
    const res = await call(new Request(`${SITE}/api/firmafon/voice_mails?limit=30`, { headers: { Authorization: `Bearer ${ACCESS_TOKEN}` } }));
    expect(res.status).toBe(200);
    expect(fake.received[0]!.url).toBe('/api/v2/voice_mails?limit=30');
  });
});

describe('the allowlist', () => {
  it.each([
    ['POST', 'calls', 'GET, HEAD'],
    ['PUT', 'calls/3f0e1a2b', 'GET, HEAD'],
    ['DELETE', 'employee', 'GET, HEAD'],
    ['PATCH', 'voice_mails/1', 'GET, HEAD, PUT, DELETE'],
    ['POST', 'voice_mails/1', 'GET, HEAD, PUT, DELETE'],
    ['POST', 'voice_mails', 'GET, HEAD'],
    ['PUT', 'switch/dial', 'GET, HEAD, POST'],
    ['DELETE', 'switch/dial', 'GET, HEAD, POST'],
    ['DELETE', 'employees/1', 'GET, HEAD, PUT'],
    ['POST', 'employees/1', 'GET, HEAD, PUT'],
    ['POST', 'switch/dial/x', 'GET, HEAD'],
    ['POST', 'switch', 'GET, HEAD'],
    ['PUT', 'voice_mails/abc', 'GET, HEAD'],
    ['PUT', 'voice_mails/1/sound', 'GET, HEAD'],
    ['DELETE', 'voice_mails/1/x', 'GET, HEAD'],
    ['PUT', 'voice_mails/-1', 'GET, HEAD'],
    ['PUT', 'voice_mails/1e3', 'GET, HEAD'],
    ['PUT', 'employees/1/x', 'GET, HEAD'],
    ['PUT', 'employees/me', 'GET, HEAD'],
    ['PUT', 'employee', 'GET, HEAD'],
    ['POST', 'call_nodes/abc/hangup', 'GET, HEAD'],
    ['POST', 'contacts', 'GET, HEAD'],
    ['OPTIONS', 'switch/dial', 'GET, HEAD, POST'],
    ['PUT', 'SWITCH/DIAL', 'GET, HEAD'],
    ['PUT', 'Voice_mails/1', 'GET, HEAD'],
  ])('refuses %s %s with 405 and Allow: %s, before anything reaches Firmafon', async (method, path, allow) => {
    const res = await call(writeRequest(method, path, { body: { heard: true, to_number: '4512345678', do_not_disturb: true } }));
    expect([res.status, errorOf(res.json), res.headers.get('allow')]).toEqual([405, 'method_not_allowed', allow]);
    expect(fake.received).toEqual([]);
  });

  it('says in words which methods a path takes', async () => {
    const res = await call(writeRequest('PATCH', 'voice_mails/1', { body: { heard: true } }));
    expect(res.json).toEqual({ error: 'method_not_allowed', error_description: 'This endpoint only accepts GET, HEAD, PUT and DELETE.' });
  });

  it.each([
    ['POST', 'switch%2Fdial', 400],
    ['PUT', 'voice_mails%2F1', 400],
    ['PUT', 'voice_mails/1%2F..%2F2', 400],
    ['PUT', 'voice_mails/1/', 400],
    ['PUT', 'voice_mails//1', 400],
    ['PUT', 'voice_mails/1.json', 400],
    ['POST', 'switch/dial.json', 400],
    ['PUT', 'voice_mails/1%00', 400],
    ['POST', 'switch/dial.html', 404],
    ['PUT', '', 404],
  ])('refuses %s /api/firmafon/%s with %i, before anything reaches Firmafon', async (method, path, status) => {
    const res = await call(writeRequest(method, path, { body: { heard: true } }));
    expect(res.status).toBe(status);
    expect(fake.received).toEqual([]);
  });

  it('resolves dot segments before judging, so voice_mails/1/../2 is voice_mails/2', async () => {
    // `new URL` normalises the path as the platform does; what is judged is what would be forwarded.
    const res = await call(writeRequest('PUT', 'voice_mails/1/../2', { body: { heard: true } }));
    expect(res.status).toBe(200);
    expect(fake.received[0]!.url).toBe('/api/v2/voice_mails/2');
  });

  it.each(['?to_number=4599999999', '?access_token=x', '?a=1'])('refuses a write with a query string (%s): Rails would merge it into the form', async (query) => {
    const res = await call(writeRequest('POST', `switch/dial${query}`, { body: { to_number: '4512345678' } }));
    expect([res.status, errorOf(res.json)]).toEqual([400, 'invalid_request']);
    expect(fake.received).toEqual([]);
  });
});

describe('the allowlist, as a property', () => {
  const ALLOWED = [/^POST switch\/dial$/, /^(PUT|DELETE) voice_mails\/\d{1,18}$/, /^PUT employees\/\d{1,18}$/];
  const segment = fc.oneof(
    fc.constantFrom('switch', 'dial', 'voice_mails', 'employees', 'employee', 'calls', 'sound', '1', '302667', 'x', '..', '.', '%2F', '%2e', ''),
    fc.stringMatching(/^[A-Za-z0-9_%.-]{1,6}$/),
  );
  const method = fc.constantFrom('POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'PROPFIND', 'Put', 'post');

  it('sends Firmafon only the allowlisted method and path pairs', async () => {
    await fc.assert(
      fc.asyncProperty(method, fc.array(segment, { minLength: 1, maxLength: 4 }), async (m, segments) => {
        fake.received.length = 0;
        const request = writeRequest(m, segments.join('/'), { body: { heard: true, to_number: '4512345678', do_not_disturb: false } });
        const res = await handler(request);
        await res.body?.cancel();
        const sent = fake.received[0];
        if (sent !== undefined) {
          const forwarded = `${sent.method} ${sent.url.replace('/api/v2/', '')}`;
          expect(ALLOWED.some((pattern) => pattern.test(forwarded))).toBe(true);
        } else {
          expect([400, 404, 405]).toContain(res.status);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('matchWrite knows the four writes and nothing else', () => {
    expect(matchWrite('POST', 'switch/dial').ok).toBe(true);
    expect(matchWrite('PUT', 'voice_mails/1').ok).toBe(true);
    expect(matchWrite('DELETE', 'voice_mails/1').ok).toBe(true);
    expect(matchWrite('PUT', 'employees/1').ok).toBe(true);
    expect(matchWrite('PUT', 'voice_mails/1234567890123456789').ok).toBe(false);
    expect(matchWrite('constructor', 'voice_mails/1').ok).toBe(false);
    expect(matchWrite('__proto__', 'switch/dial').ok).toBe(false);
  });

  it('encodeRailsForm keeps the bracketed names and percent-encodes values', () => {
    expect(encodeRailsForm([['employee[do_not_disturb]', 'true'], ['employee[dnd_timeout_at]', '2026-01-01T00:00:00+01:00']])).toBe(
      'employee[do_not_disturb]=true&employee[dnd_timeout_at]=2026-01-01T00%3A00%3A00%2B01%3A00',
    );
    expect(encodeRailsForm([['to_number', '4512345678&x=1']])).toBe('to_number=4512345678%26x%3D1');
  });
});

describe('cross-site protection', () => {
  it.each([
    ['a foreign Origin', { Origin: 'https://evil.example' }],
    ['a null Origin', { Origin: 'null' }],
    ['the site on another port', { Origin: `${SITE}:8443` }],
    ['Sec-Fetch-Site: cross-site', { 'Sec-Fetch-Site': 'cross-site' }],
    ['no custom header', { [DASHBOARD_REQUEST_HEADER]: null }],
    ['a wrong custom header', { [DASHBOARD_REQUEST_HEADER]: '0' }],
  ])('refuses a write with %s: 403 forbidden, nothing sent', async (_name, headers) => {
    expect(await refusal(writeRequest('POST', 'switch/dial', { body: { to_number: '4512345678' }, headers }))).toEqual([403, 'forbidden']);
    expect(fake.received).toEqual([]);
  });

  it('accepts an origin from ALLOWED_ORIGINS, as the token function does', async () => {
    useEnv({ ...baseEnv(fake.url), ALLOWED_ORIGINS: 'http://localhost:8888' });
    const res = await call(writeRequest('PUT', 'voice_mails/1', { body: { heard: true }, headers: { Origin: 'http://localhost:8888' } }));
    expect(res.status).toBe(200);
  });

  it('refuses a write without a token: 401 invalid_token with a Bearer challenge', async () => {
    const res = await call(writeRequest('PUT', 'voice_mails/1', { body: { heard: true }, headers: { Authorization: null } }));
    expect([res.status, errorOf(res.json), res.headers.get('www-authenticate')]).toEqual([401, 'invalid_token', 'Bearer']);
    expect(fake.received).toEqual([]);
  });
});

describe('the body', () => {
  it.each([
    ['text/plain', 'text/plain'],
    ['a form', 'application/x-www-form-urlencoded'],
    ['multipart', 'multipart/form-data; boundary=x'],
    ['json-ish', 'application/json-patch+json'],
  ])('refuses %s with 415 unsupported_media_type', async (_name, type) => {
    expect(await refusal(writeRequest('PUT', 'voice_mails/1', { raw: 'voice_mail[heard]=true', headers: { 'Content-Type': type } }))).toEqual([415, 'unsupported_media_type']);
    expect(fake.received).toEqual([]);
  });

  it('refuses a write body with no Content-Type with 415', async () => {
    expect(await refusal(writeRequest('PUT', 'voice_mails/1', { raw: '{"heard":true}', headers: { 'Content-Type': null } }))).toEqual([415, 'unsupported_media_type']);
  });

  it('refuses a body declared larger than 1 KB with 413 before reading it', async () => {
    // A stream that breaks when read: reading it would answer 400, so 413 shows the declared size alone decided.
    const unreadable = new ReadableStream<Uint8Array>({
      pull() {
        throw new Error('the body was read');
      },
    });
    const request = writeRequest('PUT', 'voice_mails/1', { raw: unreadable, headers: { 'Content-Length': '2000' } });
    expect(await refusal(request)).toEqual([413, 'payload_too_large']);
    expect(fake.received).toEqual([]);
  });

  it('refuses a streamed body over 1 KB with 413 while reading it', async () => {
    expect(await refusal(writeRequest('PUT', 'voice_mails/1', { raw: streamOf(5000, 300) }))).toEqual([413, 'payload_too_large']);
    expect(fake.received).toEqual([]);
  });

  it('accepts a body of exactly 1 KB', async () => {
    const raw = JSON.stringify({ heard: true }).padEnd(1024, ' ');
    expect((await call(writeRequest('PUT', 'voice_mails/1', { raw }))).status).toBe(200);
  });

  it.each([
    ['not JSON', 'POST', 'switch/dial', '{to_number: 45}'],
    ['an array', 'POST', 'switch/dial', '["4512345678"]'],
    ['null', 'PUT', 'voice_mails/1', 'null'],
    ['empty', 'PUT', 'voice_mails/1', ''],
    ['a number for to_number', 'POST', 'switch/dial', '{"to_number":4512345678}'],
    ['a plus sign', 'POST', 'switch/dial', '{"to_number":"+4512345678"}'],
    ['spaces in the number', 'POST', 'switch/dial', '{"to_number":"45 12 34 56 78"}'],
    ['two digits', 'POST', 'switch/dial', '{"to_number":"45"}'],
    ['sixteen digits', 'POST', 'switch/dial', '{"to_number":"4512345678901234"}'],
    ['a form smuggled in the number', 'POST', 'switch/dial', '{"to_number":"4512345678&to_number=4599"}'],
    ['an extra field', 'POST', 'switch/dial', '{"to_number":"4512345678","from":"1"}'],
    ['a string for heard', 'PUT', 'voice_mails/1', '{"heard":"true"}'],
    ['no heard', 'PUT', 'voice_mails/1', '{}'],
    ['a Rails-shaped body', 'PUT', 'voice_mails/1', '{"voice_mail":{"heard":true}}'],
    ['no do_not_disturb', 'PUT', 'employees/1', '{"dnd_timeout_at":null}'],
    ['a string for do_not_disturb', 'PUT', 'employees/1', '{"do_not_disturb":"false"}'],
    ['a timeout that is not a time', 'PUT', 'employees/1', '{"do_not_disturb":true,"dnd_timeout_at":"tomorrow"}'],
    ['a timeout with a form smuggled in', 'PUT', 'employees/1', '{"do_not_disturb":true,"dnd_timeout_at":"2026-11-30T16:00:00Z&employee[admin]=true"}'],
    ['an extra employee field', 'PUT', 'employees/1', '{"do_not_disturb":true,"admin":true}'],
    ['a proto key', 'PUT', 'voice_mails/1', '{"heard":true,"__proto__":{"x":1}}'],
  ])('refuses a body that is %s with 400 invalid_request', async (_name, method, path, raw) => {
    expect(await refusal(writeRequest(method, path, { raw }))).toEqual([400, 'invalid_request']);
    expect(fake.received).toEqual([]);
  });

  it('names the field, never the value, when a body breaks the contract', async () => {
    const res = await call(writeRequest('POST', 'switch/dial', { raw: '{"to_number":"99-secret-99"}' }));
    expect(res.json).toEqual({ error: 'invalid_request', error_description: 'to_number is missing or not valid for a call.' });
  });

  it('does not echo a key the request made up', async () => {
    const res = await call(writeRequest('POST', 'switch/dial', { raw: '{"to_number":"4512345678","made_up_key":1}' }));
    expect(res.json).toEqual({ error: 'invalid_request', error_description: 'The request body has a field the contract for a call does not know.' });
  });

  it('says a body that is not an object must be one', async () => {
    const res = await call(writeRequest('PUT', 'voice_mails/1', { raw: 'true' }));
    expect(res.json).toEqual({ error: 'invalid_request', error_description: 'The request body must be a JSON object as the contract for a voicemail says.' });
  });

  it.each([
    ['a JSON body', '{}'],
    ['one byte', ' '],
  ])('refuses a DELETE with %s: 400', async (_name, raw) => {
    expect(await refusal(writeRequest('DELETE', 'voice_mails/1', { raw }))).toEqual([400, 'invalid_request']);
    expect(fake.received).toEqual([]);
  });

  it('refuses a DELETE that declares a body: 400', async () => {
    expect(await refusal(writeRequest('DELETE', 'voice_mails/1', { raw: streamOf(10), headers: { 'Content-Length': '10' } }))).toEqual([400, 'invalid_request']);
  });
});

describe("Firmafon's answers", () => {
  it.each([
    [401, 'invalid_token'],
    [403, 'forbidden'],
    [404, 'not_found'],
    [422, 'unprocessable'],
    [500, 'boom'],
  ])('passes an upstream %i through as JSON', async (status, message) => {
    fake.script(json(status, { status: 'failure', message }, status === 401 ? { 'WWW-Authenticate': 'Bearer' } : {}));
    const res = await call(writeRequest('POST', 'switch/dial', { body: { to_number: '4512345678' } }));
    expect([res.status, res.headers.get('content-type'), res.json]).toEqual([status, 'application/json', { status: 'failure', message }]);
  });

  it('answers 504 upstream_timeout when Firmafon does not answer in time, and does not try again', async () => {
    useEnv({ ...baseEnv(fake.url), FIRMAFON_TIMEOUT_MS: '150' });
    fake.script({ kind: 'hang' });
    expect(await refusal(writeRequest('POST', 'switch/dial', { body: { to_number: '4512345678' } }))).toEqual([504, 'upstream_timeout']);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(fake.received).toHaveLength(1);
  });

  it('does not try again when Firmafon drops the connection: 502', async () => {
    fake.script({ kind: 'destroy' });
    expect(await refusal(writeRequest('DELETE', 'voice_mails/1'))).toEqual([502, 'upstream_unavailable']);
    expect(fake.received).toHaveLength(1);
  });

  it('answers 502 instead of following a redirect after a write', async () => {
    fake.script({ kind: 'respond', status: 303, headers: { Location: 'https://evil.example/' } });
    expect(await refusal(writeRequest('PUT', 'voice_mails/1', { body: { heard: true } }))).toEqual([502, 'upstream_invalid_response']);
    expect(fake.received).toHaveLength(1);
  });

  it('passes a 204 through without a body', async () => {
    fake.script({ kind: 'respond', status: 204 });
    const res = await call(writeRequest('DELETE', 'voice_mails/1'));
    expect([res.status, res.text]).toEqual([204, '']);
  });
});

describe('secrecy', () => {
  it('logs one line per refusal with no token and no body value', () => {
    expect(seen.logs.length).toBeGreaterThan(20);
    for (const line of seen.logs) {
      expect(line).not.toContain(ACCESS_TOKEN);
      expect(line).not.toMatch(/4512345678|99-secret-99|2026-11-30/);
      expect(line).toMatch(/^firmafon-proxy: \d{3} [a-z_]+$/);
    }
  });
});
