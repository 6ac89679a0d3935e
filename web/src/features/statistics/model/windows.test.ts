import { describe, expect, it } from 'vitest';
import type { Call, CallsQuery } from '@common/call-schemas.ts';
import { parseIsoToSeconds, startOfDay } from '@common/copenhagen-time.ts';
import { makeCall } from '@/shared/testing/make-call.ts';
import { pageAll, type CallsCursor } from '@/shared/model/call-paging.ts';
import { dayWindows, isClosedWindow, loadWindows, mergeWindows, type CallWindow } from './windows.ts';

const sec = (iso: string | undefined) => parseIsoToSeconds(iso ?? '')!;

/** A stand-in for `GET /calls`: newest first, inclusive bounds on started_at, at most `limit` calls. */
function fakeApi(all: readonly Call[], limit = 100) {
  const sorted = [...all].sort((a, b) => Date.parse(b.started_at) - Date.parse(a.started_at));
  let requests = 0;
  const page = (query: CallsQuery, cursor: CallsCursor): Call[] => {
    requests += 1;
    const upper = cursor ?? query.started_at_lt_or_eq;
    return sorted
      .filter((call) => {
        const s = Math.floor(Date.parse(call.started_at) / 1000);
        return (query.started_at_gt_or_eq === undefined || s >= sec(query.started_at_gt_or_eq)) && (upper === undefined || s <= sec(upper));
      })
      .slice(0, limit);
  };
  return {
    fetchWindow: (window: CallWindow) => pageAll(async (cursor) => page(window.query, cursor)),
    get requests() {
      return requests;
    },
  };
}

const at = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Calls on and around the edges of 24–26 Oct 2026 (the 25th is 25 hours long): bursts sharing one second, midnight exactly. */
function edgeCalls(): Call[] {
  const calls: Call[] = [];
  for (const day of ['2026-10-24', '2026-10-25', '2026-10-26', '2026-10-27']) {
    const start = startOfDay(day);
    // 120 calls in the day's last second (more than one page, all sharing a second), and some at its first.
    for (let i = 0; i < 3; i += 1) calls.push(makeCall({ started_at: at(start) }));
    for (let i = 0; i < 150; i += 1) calls.push(makeCall({ started_at: at(start + (i % 40) * 600_000) }));
    const next = startOfDay(day === '2026-10-27' ? '2026-10-28' : `2026-10-${Number(day.slice(8)) + 1}`);
    for (let i = 0; i < 60; i += 1) calls.push(makeCall({ started_at: at(next - 1000) }));
  }
  return calls;
}

describe('dayWindows', () => {
  it('covers the period second by second: each day from 00:00:00 to 23:59:59, no gap, no overlap, across the DST change', () => {
    const windows = dayWindows({ from: '2026-10-24', to: '2026-10-26' }, { endpoint: 'Reception#1' });
    expect(windows.map((w) => w.day)).toEqual(['2026-10-24', '2026-10-25', '2026-10-26']);
    expect(windows[1]!.query).toEqual({
      endpoint: 'Reception#1',
      started_at_gt_or_eq: '2026-10-25T00:00:00+02:00',
      started_at_lt_or_eq: '2026-10-25T23:59:59+01:00',
    });
    for (let i = 1; i < windows.length; i += 1) {
      expect(sec(windows[i]!.query.started_at_gt_or_eq)).toBe(sec(windows[i - 1]!.query.started_at_lt_or_eq) + 1);
    }
    // The 25th has 25 hours.
    expect(sec(windows[1]!.query.started_at_lt_or_eq) - sec(windows[1]!.query.started_at_gt_or_eq) + 1).toBe(25 * 3600);
  });

  it('calls a window closed once its day has ended', () => {
    expect(isClosedWindow('2026-11-29', startOfDay('2026-11-30') - 1)).toBe(false);
    expect(isClosedWindow('2026-11-29', startOfDay('2026-11-30'))).toBe(true);
  });
});

describe('loadWindows and mergeWindows', () => {
  it('loses no call and counts none twice at window edges, with calls sharing a second across pages', async () => {
    const calls = edgeCalls();
    const period = { from: '2026-10-25', to: '2026-10-26' };
    const api = fakeApi(calls);
    const result = await loadWindows({ windows: dayWindows(period), fetchWindow: api.fetchWindow });
    const merged = mergeWindows(result.loaded.values(), period);
    const expected = calls.filter((c) => {
      const ms = Date.parse(c.started_at);
      return ms >= startOfDay('2026-10-25') && ms < startOfDay('2026-10-27');
    });
    expect(merged).toHaveLength(expected.length);
    expect(new Set(merged.map((c) => c.call_uuid))).toEqual(new Set(expected.map((c) => c.call_uuid)));
    expect(result).toMatchObject({ failed: [], notLoaded: [], cancelled: false });
  });

  it('drops duplicates and calls outside the period whatever a window sends', () => {
    const inside = makeCall({ started_at: '2026-11-29T10:00:00Z' });
    const outside = makeCall({ started_at: '2026-11-27T10:00:00Z' });
    expect(mergeWindows([[inside, outside], [inside]], { from: '2026-11-28', to: '2026-11-29' })).toEqual([inside]);
  });

  it('keeps at most `concurrency` windows in flight and fetches the newest day first', async () => {
    let inFlight = 0;
    let most = 0;
    const order: string[] = [];
    const result = await loadWindows({
      windows: dayWindows({ from: '2026-11-01', to: '2026-11-20' }),
      concurrency: 4,
      fetchWindow: async (window) => {
        order.push(window.day);
        inFlight += 1;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 1));
        inFlight -= 1;
        return [];
      },
    });
    expect(most).toBe(4);
    expect(order[0]).toBe('2026-11-20');
    expect(result.loaded.size).toBe(20);
  });

  it('names the days whose window failed and keeps the rest', async () => {
    const result = await loadWindows({
      windows: dayWindows({ from: '2026-11-01', to: '2026-11-05' }),
      fetchWindow: async (window) => {
        if (window.day === '2026-11-03') throw new Error('503');
        return [makeCall()];
      },
    });
    expect(result.failed).toEqual(['2026-11-03']);
    expect(result.loaded.size).toBe(4);
    expect(result.cancelled).toBe(false);
  });

  it('stops on a 401: every other window would fail the same way', async () => {
    const started: string[] = [];
    const load = loadWindows({
      windows: dayWindows({ from: '2026-11-01', to: '2026-11-10' }),
      concurrency: 1,
      fetchWindow: async (window) => {
        started.push(window.day);
        throw Object.assign(new Error('401'), { status: 401 });
      },
    });
    await expect(load).rejects.toMatchObject({ status: 401 });
    expect(started).toEqual(['2026-11-10']);
  });
});

describe('cancel', () => {
  it('starts no window after the cancel, keeps what arrived before it and lists the days not loaded', async () => {
    const controller = new AbortController();
    const started: string[] = [];
    const result = await loadWindows({
      windows: dayWindows({ from: '2026-11-01', to: '2026-11-10' }),
      concurrency: 2,
      signal: controller.signal,
      fetchWindow: async (window) => {
        started.push(window.day);
        if (started.length === 3) controller.abort();
        return [makeCall()];
      },
    });
    expect(result.cancelled).toBe(true);
    expect(started).toHaveLength(3);
    // The first window arrived before the cancel; the two in flight at the cancel are dropped, not half-counted.
    expect([...result.loaded.keys()]).toEqual(['2026-11-10']);
    expect(result.notLoaded).toHaveLength(9);
    expect(result.failed).toEqual([]);
  });

  it('does not count a window that fails because it was cancelled as failed', async () => {
    const controller = new AbortController();
    const result = await loadWindows({
      windows: dayWindows({ from: '2026-11-01', to: '2026-11-02' }),
      concurrency: 2,
      signal: controller.signal,
      fetchWindow: async () => {
        controller.abort();
        throw new Error('AbortError');
      },
    });
    expect(result).toMatchObject({ cancelled: true, failed: [] });
    expect(result.notLoaded).toHaveLength(2);
  });
});

describe('requests', () => {
  it('pages each window completely: a window of 213 calls takes 3 requests', async () => {
    const calls = edgeCalls();
    const api = fakeApi(calls);
    const result = await loadWindows({ windows: dayWindows({ from: '2026-10-26', to: '2026-10-26' }), fetchWindow: api.fetchWindow });
    expect(result.loaded.get('2026-10-26')).toHaveLength(213);
    expect(api.requests).toBe(3);
  });
});
