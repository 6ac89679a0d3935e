import * as v from 'valibot';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { accessToken } from './access-token.ts';
import { firmafonGet } from './api-client.ts';
import { firmafonWrite } from './api-write.ts';
import { ApiError } from './api-error.ts';
import { json, startLoopback, type Loopback } from './testing/loopback.node.ts';

const Named = v.object({ name: v.string() });

/** Answers that wait until the test says so, to interleave a request with a newer sign-in. */
const held: Array<() => void> = [];

let proxy: Loopback;
beforeAll(async () => {
  proxy = await startLoopback((request, res) => {
    const path = new URL(request.url, 'http://x').pathname;
    if (path === '/api/firmafon/employee') return json(res, 200, { name: 'Mette' });
    if (path === '/api/firmafon/revoked') return json(res, 401, { status: 'failure', message: '401 Unauthorized' });
    if (path === '/api/firmafon/revoked-later') return void held.push(() => json(res, 401, { error: 'invalid_token' }));
    if (path === '/api/firmafon/forbidden') return json(res, 403, { error: 'forbidden', error_description: 'No access' });
    if (path === '/api/firmafon/switch/dial') return json(res, 200, {});
    if (path === '/api/firmafon/switch/refused') return json(res, 422, { status: 422, message: 'No switch' });
    if (path === '/api/firmafon/switch/down') return json(res, 502, { error: 'upstream_unavailable' });
    return json(res, 404, { status: 404, message: 'Not found' });
  });
});
afterAll(() => proxy.close());
afterEach(() => {
  accessToken.clear('signed-out');
  proxy.seen.length = 0;
});

describe('firmafonGet', () => {
  it('sends the token as a Bearer header through the proxy path and never in the query string', async () => {
    accessToken.set('token-one');
    await expect(firmafonGet('/employee', { schema: Named, query: { limit: 100, number: '4512345678', status: '', endpoint: null } })).resolves.toEqual({ name: 'Mette' });
    const [request] = proxy.seen;
    expect(request?.headers.authorization).toBe('Bearer token-one');
    expect(request?.url).toBe('/api/firmafon/employee?limit=100&number=4512345678');
    expect(request?.url).not.toContain('token');
  });

  it('makes no request and throws invalid_token when no one is signed in', async () => {
    const error = await firmafonGet('/employee', { schema: Named }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, code: 'invalid_token' });
    expect(proxy.seen).toHaveLength(0);
  });

  it('drops the token on a 401 for the token the request used, with the reason "expired"', async () => {
    accessToken.set('token-one');
    await expect(firmafonGet('/revoked', { schema: Named })).rejects.toMatchObject({ status: 401, code: 'invalid_token' });
    expect(accessToken.get()).toBeNull();
    expect(accessToken.lastSignedOutReason()).toBe('expired');
  });

  it('keeps a newer token when a request made with an older one comes back 401', async () => {
    accessToken.set('old-token');
    const request = firmafonGet('/revoked-later', { schema: Named });
    await expect.poll(() => held.length).toBe(1);
    accessToken.set('new-token');
    held.shift()?.();
    await expect(request).rejects.toMatchObject({ status: 401 });
    expect(accessToken.get()).toBe('new-token');
  });

  it('keeps the token on a 403: the person is signed in but may not see this', async () => {
    accessToken.set('token-one');
    await expect(firmafonGet('/forbidden', { schema: Named })).rejects.toMatchObject({ status: 403, code: 'forbidden' });
    expect(accessToken.get()).toBe('token-one');
  });
});

describe('firmafonWrite', () => {
  const Empty = v.object({});

  it('sends the body as JSON with the token and the dashboard header, to the proxy path', async () => {
    accessToken.set('token-one');
    await expect(firmafonWrite('POST', '/switch/dial', { body: { to_number: '4512345678' }, schema: Empty })).resolves.toEqual({});
    const [request] = proxy.seen;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/api/firmafon/switch/dial');
    expect(request?.headers.authorization).toBe('Bearer token-one');
    expect(request?.headers['x-firmafon-dashboard']).toBe('1');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request?.body ?? '')).toEqual({ to_number: '4512345678' });
  });

  it('makes no request when no one is signed in', async () => {
    await expect(firmafonWrite('POST', '/switch/dial', { body: {}, schema: Empty })).rejects.toMatchObject({ status: 401, code: 'invalid_token' });
    expect(proxy.seen).toHaveLength(0);
  });

  it('drops the token on a 401, as reads do', async () => {
    accessToken.set('token-one');
    await expect(firmafonWrite('POST', '/revoked', { body: {}, schema: Empty })).rejects.toMatchObject({ status: 401 });
    expect(accessToken.get()).toBeNull();
    expect(accessToken.lastSignedOutReason()).toBe('expired');
  });

  it('sends a failed write once: a 422 or a 5xx is never retried, and keeps the token', async () => {
    accessToken.set('token-one');
    await expect(firmafonWrite('POST', '/switch/refused', { body: {}, schema: Empty })).rejects.toMatchObject({ status: 422 });
    await expect(firmafonWrite('POST', '/switch/down', { body: {}, schema: Empty })).rejects.toMatchObject({ status: 502, code: 'upstream_unavailable' });
    expect(proxy.seen.map((r) => r.url)).toEqual(['/api/firmafon/switch/refused', '/api/firmafon/switch/down']);
    expect(accessToken.get()).toBe('token-one');
  });
});
