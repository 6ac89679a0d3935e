import * as v from 'valibot';
import { beforeAll, describe, expect, it } from 'vitest';
import { CallsResponseSchema, type Call } from '../common/call-schemas.ts';
import { generateData } from './data/index.ts';
import { getJson, NOW, obtainToken, sandboxPerFile } from './test-support.ts';

const COUNT = 1000;
const SEED = 7;
const sandbox = sandboxPerFile({ calls: COUNT, seed: SEED, dataset: 'boundaries' });
let token: string;
beforeAll(async () => {
  token = await obtainToken(sandbox.url);
});

async function page(limit: number, bound?: string): Promise<Call[]> {
  const query = `limit=${limit}${bound ? `&started_at_lt_or_eq=${encodeURIComponent(bound)}` : ''}`;
  const { status, body } = await getJson(`${sandbox.url}/api/v2/calls?${query}`, token);
  expect(status).toBe(200);
  return v.parse(CallsResponseSchema, body).calls;
}

/** A correct client: inclusive bound, de-duplicate by call_uuid, stop only on a short page. */
async function pageThroughEverything(limit: number): Promise<{ calls: Call[]; deliveries: number; pages: number }> {
  const seen = new Map<string, Call>();
  let deliveries = 0;
  let pages = 0;
  let bound: string | undefined;
  for (;;) {
    const calls = await page(limit, bound);
    pages++;
    deliveries += calls.length;
    for (const call of calls) if (!seen.has(call.call_uuid)) seen.set(call.call_uuid, call);
    if (calls.length < limit) break;
    const last = calls[calls.length - 1];
    if (!last || last.started_at === calls[0]?.started_at) throw new Error('a full page in one second: cannot progress');
    bound = last.started_at;
    if (pages > COUNT) throw new Error('runaway paging');
  }
  return { calls: [...seen.values()], deliveries, pages };
}

describe('paging through the boundaries dataset', () => {
  it('holds bursts of 5 to 40 calls in one second and never more than 90', () => {
    const data = generateData({ count: COUNT, seed: SEED, dataset: 'boundaries', hostileNames: false, now: NOW });
    const perSecond = new Map<number, number>();
    for (const c of data.calls) perSecond.set(c.startedAt, (perSecond.get(c.startedAt) ?? 0) + 1);
    const sizes = [...perSecond.values()];
    expect(Math.max(...sizes)).toBeLessThanOrEqual(90);
    expect(sizes.filter((n) => n >= 5).length).toBeGreaterThan(10);
    expect(sizes.filter((n) => n >= 5).reduce((a, b) => a + b, 0)).toBeGreaterThan(COUNT / 2);
  });

  it('puts the ends of the first pages of 30 and 100 inside a burst', async () => {
    for (const limit of [30, 100]) {
      const calls = await page(limit);
      const last = calls[calls.length - 1];
      if (!last) throw new Error('empty page');
      const sameSecond = await page(100, last.started_at);
      const inBurst = sameSecond.filter((c) => c.started_at === last.started_at);
      const onPage = calls.filter((c) => c.started_at === last.started_at);
      expect(inBurst.length).toBeGreaterThan(onPage.length);
    }
  });

  it('sees every call exactly once with inclusive bounds and de-duplication, at limit 100', async () => {
    const { calls, deliveries, pages } = await pageThroughEverything(100);
    expect(calls).toHaveLength(COUNT);
    expect(new Set(calls.map((c) => c.call_uuid)).size).toBe(COUNT);
    expect(deliveries).toBeGreaterThan(COUNT); // overlaps really happened
    expect(pages).toBeGreaterThan(COUNT / 100);
    const starts = calls.map((c) => Date.parse(c.started_at));
    expect(starts).toEqual([...starts].sort((a, b) => b - a));
  });

  it('loses calls when a client pages with an exclusive bound (one second earlier), which is why the bound is inclusive', async () => {
    const seen = new Set<string>();
    let bound: string | undefined;
    for (let i = 0; i < 100; i++) {
      const calls = await page(100, bound);
      for (const call of calls) seen.add(call.call_uuid);
      const last = calls[calls.length - 1];
      if (calls.length < 100 || !last) break;
      bound = new Date(Date.parse(last.started_at) - 1000).toISOString();
    }
    expect(seen.size).toBeLessThan(COUNT);
  });
});
