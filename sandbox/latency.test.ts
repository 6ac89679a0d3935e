/** The `latencyMs` option: every token and REST API answer waits that long, the sandbox's own pages do not. */
import { afterEach, describe, expect, it } from 'vitest';
import { getJson, obtainToken, postToken, startTestSandbox, type TestSandbox } from './test-support.ts';

let sandbox: TestSandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

async function setLatency(url: string, latencyMs: number): Promise<unknown> {
  const res = await fetch(`${url}/sandbox/control/settings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ latencyMs }),
  });
  return res.json();
}

describe('latencyMs', () => {
  it('delays every REST API answer and every token answer, refusals included', async () => {
    sandbox = await startTestSandbox({ calls: 10, latencyMs: 200 });
    const token = await obtainToken(sandbox.url);
    const api = await timed(() => getJson(`${sandbox!.url}/api/v2/calls?limit=5`, token));
    expect(api.value.status).toBe(200);
    expect(api.ms).toBeGreaterThanOrEqual(195);
    const unauthorized = await timed(() => getJson(`${sandbox!.url}/api/v2/employee`));
    expect(unauthorized.value.status).toBe(401);
    expect(unauthorized.ms).toBeGreaterThanOrEqual(195);
    const refused = await timed(() => postToken(sandbox!.url, { grant_type: 'authorization_code', code: 'nope' }));
    expect(refused.value.status).toBe(401);
    expect(refused.ms).toBeGreaterThanOrEqual(195);
  });

  it('adds nothing by default', async () => {
    sandbox = await startTestSandbox({ calls: 10 });
    expect(await setLatency(sandbox.url, 0)).toEqual({ dropState: false, requirePkce: false, latencyMs: 0 });
  });

  it('can be changed through the control API, and reset falls back to the start option', async () => {
    sandbox = await startTestSandbox({ calls: 10 });
    const token = await obtainToken(sandbox.url);
    expect(await setLatency(sandbox.url, 250)).toEqual({ dropState: false, requirePkce: false, latencyMs: 250 });
    const slow = await timed(() => getJson(`${sandbox!.url}/api/v2/employee`, token));
    expect(slow.value.status).toBe(200);
    expect(slow.ms).toBeGreaterThanOrEqual(245);

    const reset = await fetch(`${sandbox.url}/sandbox/control/reset`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(reset.status).toBe(200);
    const settings = await fetch(`${sandbox.url}/sandbox/control/settings`, { method: 'POST' });
    expect(await settings.json()).toEqual({ dropState: false, requirePkce: false, latencyMs: 0 });
  });

  it('refuses a negative, fractional or enormous latency', async () => {
    sandbox = await startTestSandbox({ calls: 10 });
    for (const latencyMs of [-1, 1.5, 60_001]) {
      const res = await fetch(`${sandbox.url}/sandbox/control/settings`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ latencyMs }),
      });
      expect(res.status).toBe(400);
    }
    await expect(startTestSandbox({ latencyMs: -5 })).rejects.toThrow(/latencyMs/);
  });
});
