/** fetchUpstream on its own, against a fake Firmafon on loopback: what it sends and how it classifies failures. */
import { describe, expect, it } from 'vitest';
import { closedPortUrl, fakeFirmafonPerFile, json } from './test-support/fake-firmafon.ts';
import { fetchUpstream, UPSTREAM_TIMEOUT, UPSTREAM_UNAVAILABLE, type UpstreamOptions } from './upstream.ts';

const fake = fakeFirmafonPerFile();

const options = (overrides: Partial<UpstreamOptions> = {}): UpstreamOptions => ({
  timeoutMs: 2000,
  invalidResponseDescription: 'Firmafon answered with something else.',
  ...overrides,
});

describe('fetchUpstream', () => {
  it('sends the request as given and hands back a final answer with its body unread', async () => {
    fake.script(json(200, { calls: [] }));
    const result = await fetchUpstream(`${fake.url}/api/v2/calls?limit=1`, { method: 'GET', headers: { Accept: 'application/json' } }, options());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.response.status).toBe(200);
    expect(await result.value.response.json()).toEqual({ calls: [] });
    expect(result.value.signal.aborted).toBe(false);
    expect(fake.received[0]).toMatchObject({ method: 'GET', url: '/api/v2/calls?limit=1' });
    expect(fake.received[0]!.headers['accept']).toBe('application/json');
  });

  it('hands back error statuses from 400 up as answers, for the caller to read', async () => {
    for (const status of [400, 401, 404, 429, 500, 503]) {
      fake.script(json(status, { error: 'x' }));
      const result = await fetchUpstream(`${fake.url}/api/v2/employee`, { method: 'GET' }, options());
      expect(result.ok && result.value.response.status).toBe(status);
    }
  });

  it('refuses a redirect without following it, with the caller’s sentence', async () => {
    fake.script({ kind: 'respond', status: 302, headers: { Location: `${fake.url}/elsewhere` }, body: 'moved' });
    const result = await fetchUpstream(`${fake.url}/api/v2/token`, { method: 'POST', body: 'secret=1' }, options());
    expect(result).toEqual({
      ok: false,
      failure: { status: 502, error: 'upstream_invalid_response', description: 'Firmafon answered with something else.' },
    });
    expect(fake.received.map((r) => r.url)).toEqual(['/api/v2/token']);
  });

  it('refuses every redirect status', async () => {
    for (const status of [301, 303, 307, 308]) {
      fake.script({ kind: 'respond', status, headers: { Location: '/login' } });
      const result = await fetchUpstream(`${fake.url}/api/v2/calls`, { method: 'GET' }, options());
      expect(!result.ok && result.failure.error).toBe('upstream_invalid_response');
    }
  });

  it('answers 504 upstream_timeout when Firmafon does not answer in time', async () => {
    fake.script({ kind: 'hang' });
    const result = await fetchUpstream(`${fake.url}/api/v2/calls`, { method: 'GET' }, options({ timeoutMs: 100 }));
    expect(result).toEqual({ ok: false, failure: UPSTREAM_TIMEOUT });
  });

  it('answers 502 upstream_unavailable when the connection drops', async () => {
    fake.script({ kind: 'destroy' });
    const result = await fetchUpstream(`${fake.url}/api/v2/calls`, { method: 'GET' }, options());
    expect(result).toEqual({ ok: false, failure: UPSTREAM_UNAVAILABLE });
  });

  it('answers 502 upstream_unavailable when nothing listens', async () => {
    const result = await fetchUpstream(`${await closedPortUrl()}/api/v2/calls`, { method: 'GET' }, options());
    expect(result).toEqual({ ok: false, failure: UPSTREAM_UNAVAILABLE });
  });

  it('leaves the timeout running while the body is read, so a stalled body shows as aborted', async () => {
    fake.script({ kind: 'stall', status: 200, headers: { 'Content-Type': 'application/json' }, body: '{"access' });
    const result = await fetchUpstream(`${fake.url}/api/v2/token`, { method: 'POST' }, options({ timeoutMs: 1000 }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    await expect(result.value.response.text()).rejects.toThrow();
    expect(result.value.signal.aborted).toBe(true);
  });

  it('always asks fetch not to follow redirects and passes the timeout signal', async () => {
    let seen: RequestInit | undefined;
    const fakeFetch: typeof fetch = async (_url, init) => {
      seen = init;
      return new Response('{}', { status: 200 });
    };
    await fetchUpstream('https://firmafon.example/api/v2/calls', { method: 'GET' }, options({ fetch: fakeFetch }));
    expect(seen?.redirect).toBe('manual');
    expect(seen?.signal).toBeInstanceOf(AbortSignal);
  });
});
