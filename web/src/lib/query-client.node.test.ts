import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessToken } from './access-token.ts';
import { firmafonGet } from './api-client.ts';
import { ApiError } from './api-error.ts';
import { createQueryClient } from './query-client.ts';
import { MAX_RETRIES, retryDelay, shouldRetry, withRetries } from './retry.ts';
import { json, startLoopback, type Loopback } from './testing/loopback.node.ts';

const apiError = (status: number, code = `http_${status}`, retryAfterSeconds: number | null = null) =>
  new ApiError({ status, code, message: 'x', retryAfterSeconds });

describe('the retry policy', () => {
  it.each([400, 401, 403, 404, 409, 422])('never retries a %i', (status) => {
    expect(shouldRetry(0, apiError(status))).toBe(false);
  });

  it.each([0, 429, 500, 502, 503, 504])('retries a %i up to %i times', (status) => {
    expect(shouldRetry(0, apiError(status))).toBe(true);
    expect(shouldRetry(MAX_RETRIES - 1, apiError(status))).toBe(true);
    expect(shouldRetry(MAX_RETRIES, apiError(status))).toBe(false);
  });

  it('does not retry errors that are not from the API client (a bug is not transient)', () => {
    expect(shouldRetry(0, new TypeError('x is undefined'))).toBe(false);
  });

  it('backs off exponentially up to 15 s, and waits as long as Retry-After says, up to a minute', () => {
    expect([0, 1, 2, 3, 4, 10].map((n) => retryDelay(n, apiError(503)))).toEqual([1000, 2000, 4000, 8000, 15_000, 15_000]);
    expect(retryDelay(1, apiError(429, 'rate_limited', 7))).toBe(7000);
    expect(retryDelay(1, apiError(503, 'http_503', 3600))).toBe(60_000);
  });
});

describe("the app's QueryClient against a real server", () => {
  const counts = new Map<string, number>();
  let server: Loopback;
  beforeAll(async () => {
    server = await startLoopback((request, res) => {
      const path = new URL(request.url, 'http://x').pathname;
      const n = (counts.get(path) ?? 0) + 1;
      counts.set(path, n);
      if (path === '/api/firmafon/flaky') return n === 1 ? json(res, 503, { status: 503, message: 'Busy' }) : json(res, 200, { name: 'ok' });
      if (path === '/api/firmafon/gone') return json(res, 404, { status: 404, message: 'Not found' });
      if (path === '/api/firmafon/revoked') return json(res, 401, { error: 'invalid_token' });
      return json(res, 500, {});
    });
    accessToken.set('token');
  });
  afterAll(async () => {
    accessToken.clear('signed-out');
    await server.close();
  });

  const fetchOnce = (path: string) =>
    createQueryClient().fetchQuery({ queryKey: [path], queryFn: ({ signal }) => firmafonGet(path, { schema: v.object({ name: v.string() }), signal }) });

  it('tries a 503 again after backing off, and gets the answer', async () => {
    await expect(fetchOnce('/flaky')).resolves.toEqual({ name: 'ok' });
    expect(counts.get('/api/firmafon/flaky')).toBe(2);
  });

  it('asks only once for a 404 and for a 401', async () => {
    await expect(fetchOnce('/gone')).rejects.toMatchObject({ status: 404 });
    expect(counts.get('/api/firmafon/gone')).toBe(1);
    await expect(fetchOnce('/revoked')).rejects.toMatchObject({ status: 401 });
    expect(counts.get('/api/firmafon/revoked')).toBe(1);
  });
});

describe('withRetries', () => {
  it('tries a transient failure again with the same rules, and gives up on the rest at once', async () => {
    const waits: number[] = [];
    const wait = async (ms: number) => {
      waits.push(ms);
    };
    let calls = 0;
    await expect(
      withRetries(async () => {
        calls += 1;
        if (calls < 3) throw apiError(503);
        return 'ok';
      }, wait),
    ).resolves.toBe('ok');
    expect(waits).toEqual([1000, 2000]);

    calls = 0;
    await expect(
      withRetries(async () => {
        calls += 1;
        throw apiError(503);
      }, wait),
    ).rejects.toBeInstanceOf(ApiError);
    expect(calls).toBe(MAX_RETRIES + 1);

    calls = 0;
    await expect(
      withRetries(async () => {
        calls += 1;
        throw apiError(401);
      }, wait),
    ).rejects.toMatchObject({ status: 401 });
    expect(calls).toBe(1);
  });
});
