import { createServer, type Server } from 'node:http';
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from './api-error.ts';
import { fetchJson, parseRetryAfter } from './fetch-json.ts';
import { parseWith } from './parse-with.ts';

const Schema = parseWith(v.object({ name: v.string() }));

let server: Server;
let base = '';
const seen: Array<{ url: string; accept: string | undefined; custom: string | undefined }> = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ url: req.url ?? '', accept: req.headers.accept, custom: req.headers['x-custom'] as string | undefined });
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
      res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
    switch (req.url) {
      case '/ok':
        return json(200, { name: 'Mette' });
      case '/wrong-shape':
        return json(200, { name: 42 });
      case '/not-json':
        return res.writeHead(200, { 'content-type': 'text/html' }).end('<p>hi</p>');
      case '/oauth-error':
        return json(400, { error: 'invalid_grant', error_description: 'Used code' }, { 'Retry-After': '3' });
      case '/firmafon-429':
        return json(429, { status: 429, message: 'Too many requests' }, { 'Retry-After': new Date(Date.now() + 60_000).toUTCString() });
      case '/bare-401':
        return res.writeHead(401).end();
      case '/bare-502':
        return res.writeHead(502, { 'content-type': 'text/plain' }).end('Bad gateway');
      case '/slow':
        return void setTimeout(() => json(200, { name: 'late' }), 2000);
      default:
        return json(404, { status: 404, message: 'Not found' });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  base = `http://127.0.0.1:${address.port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function failure(path: string, init: Parameters<typeof fetchJson>[1] = {}): Promise<ApiError> {
  const error = await fetchJson(`${base}${path}`, init, Schema, 'Firmafon').catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('fetchJson', () => {
  it('returns the parsed answer, asking for JSON and keeping the caller’s headers', async () => {
    await expect(fetchJson(`${base}/ok`, { headers: { 'X-Custom': 'yes' } }, Schema, 'Firmafon')).resolves.toEqual({ name: 'Mette' });
    expect(seen.at(-1)).toEqual({ url: '/ok', accept: 'application/json', custom: 'yes' });
  });

  it('turns an answer of the wrong shape or not JSON into upstream_invalid_response, naming the source and the field', async () => {
    const shape = await failure('/wrong-shape');
    expect([shape.status, shape.code]).toEqual([200, 'upstream_invalid_response']);
    expect(shape.message).toMatch(/^Firmafon sent data in an unexpected shape \(name: /);
    const html = await failure('/not-json');
    expect([html.status, html.code, html.message]).toEqual([200, 'upstream_invalid_response', 'Firmafon sent a response that is not JSON']);
  });

  it('takes the stable code from an error body, and Retry-After in seconds or as a date', async () => {
    const oauth = await failure('/oauth-error');
    expect([oauth.status, oauth.code, oauth.message, oauth.retryAfterSeconds]).toEqual([400, 'invalid_grant', 'Used code', 3]);
    const busy = await failure('/firmafon-429');
    expect([busy.status, busy.code, busy.message]).toEqual([429, 'rate_limited', 'Too many requests']);
    expect(busy.retryAfterSeconds).toBeGreaterThanOrEqual(58);
    expect(busy.retryAfterSeconds).toBeLessThanOrEqual(60);
  });

  it('falls back on the status when the error has no body it can read', async () => {
    const unauthorized = await failure('/bare-401');
    expect([unauthorized.status, unauthorized.code]).toEqual([401, 'invalid_token']);
    const gateway = await failure('/bare-502');
    expect([gateway.status, gateway.code, gateway.message, gateway.isTransient]).toEqual([502, 'http_502', 'Request failed with status 502', true]);
  });

  it('reports no answer at all as a network error with status 0', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', () => resolve()));
    const address = closed.address();
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    if (!address || typeof address === 'string') throw new Error('no port');
    const error = await fetchJson(`http://127.0.0.1:${address.port}/ok`, {}, Schema, 'Firmafon').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect([(error as ApiError).status, (error as ApiError).code]).toEqual([0, 'network_error']);
  });

  it('rethrows an abort as it is, not as a network error', async () => {
    const controller = new AbortController();
    const pending = fetchJson(`${base}/slow`, { signal: controller.signal }, Schema, 'Firmafon').catch((e: unknown) => e);
    controller.abort();
    const error = await pending;
    expect(error).not.toBeInstanceOf(ApiError);
    expect((error as Error).name).toBe('AbortError');
  });
});

describe('parseRetryAfter', () => {
  it.each([
    [null, null],
    ['', null],
    ['0', 0],
    ['120', 120],
    ['-5', null],
    ['Thu, 01 Jan 1970 00:00:00 GMT', 0],
    ['soon', null],
  ])('%j → %j', (header, expected) => {
    expect(parseRetryAfter(header)).toBe(expected);
  });
});
