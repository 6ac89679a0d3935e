import { describe, expect, it } from 'vitest';
import type { Call } from '@common/call-schemas.ts';
import { makeCall } from '@/shared/testing/make-call.ts';
import { CALLS_PAGE_SIZE, MAX_PAGES_PER_LOOP, mergeCallPages, nextCallsCursor, pageAll, TooManyCallsError, type CallsCursor } from './call-paging.ts';

const at = (second: number) => new Date(Date.UTC(2026, 10, 29, 12, 0, 0) + second * 1000).toISOString().replace('.000Z', 'Z');

/** Firmafon's behaviour: newest first, `started_at <= cursor`, at most `limit`. */
function serve(all: readonly Call[], cursor: CallsCursor, limit: number): Call[] {
  const bound = cursor === null ? Number.POSITIVE_INFINITY : Date.parse(cursor);
  return [...all]
    .sort((a, b) => Date.parse(b.started_at) - Date.parse(a.started_at))
    .filter((call) => Date.parse(call.started_at) <= bound)
    .slice(0, limit);
}

/** Pages through `all` the way the list does; returns the pages and the cursors used. */
function pageThrough(all: readonly Call[], limit: number, maxPages = 1000) {
  const pages: Call[][] = [];
  const cursors: CallsCursor[] = [];
  let cursor: CallsCursor = null;
  for (;;) {
    cursors.push(cursor);
    pages.push(serve(all, cursor, limit));
    const next = nextCallsCursor(pages, cursor, limit);
    if (next === null) break;
    cursor = next;
    if (pages.length > maxPages) throw new Error('paging did not end');
  }
  return { pages, cursors, merged: mergeCallPages(pages) };
}

describe('mergeCallPages', () => {
  it('keeps each call once although the inclusive bound repeats it on the next page', () => {
    const a = makeCall({ call_uuid: 'a', started_at: at(30) });
    const b = makeCall({ call_uuid: 'b', started_at: at(20) });
    const c = makeCall({ call_uuid: 'c', started_at: at(10) });
    expect(mergeCallPages([[a, b], [b, c]]).map((call) => call.call_uuid)).toEqual(['a', 'b', 'c']);
  });

  it('lets the first copy of a call win, so fresh data put first replaces older copies', () => {
    const ringing = makeCall({ call_uuid: 'x', status: 'ringing', started_at: at(5) });
    const answered = { ...ringing, status: 'answered' };
    expect(mergeCallPages([[answered], [ringing]])).toEqual([answered]);
  });

  it('orders newest first and keeps the order of calls that share a second', () => {
    const calls = ['p', 'q', 'r'].map((id) => makeCall({ call_uuid: id, started_at: at(1) }));
    const newer = makeCall({ call_uuid: 'n', started_at: at(2) });
    expect(mergeCallPages([calls, [newer]]).map((call) => call.call_uuid)).toEqual(['n', 'p', 'q', 'r']);
  });

  it('is empty for no pages', () => {
    expect(mergeCallPages([])).toEqual([]);
    expect(mergeCallPages([[], []])).toEqual([]);
  });
});

describe('nextCallsCursor', () => {
  it('ends the history when a page has fewer calls than the limit', () => {
    const page = [makeCall({ started_at: at(2) }), makeCall({ started_at: at(1) })];
    expect(nextCallsCursor([page], null, 3)).toBeNull();
    expect(nextCallsCursor([[]], null, 3)).toBeNull();
  });

  it('continues from the oldest call so far, inclusively', () => {
    const page = [makeCall({ started_at: at(3) }), makeCall({ started_at: at(2) })];
    expect(nextCallsCursor([page], null, 2)).toBe(at(2));
  });

  it('steps one second back when a full page is stuck inside the cursor second', () => {
    const first = [makeCall({ started_at: at(9) }), makeCall({ call_uuid: 's1', started_at: at(5) })];
    const stuck = [makeCall({ call_uuid: 's1', started_at: at(5) }), makeCall({ call_uuid: 's2', started_at: at(5) })];
    expect(nextCallsCursor([first, stuck], at(5), 2)).toBe(at(4));
  });

  it('steps back even when the stuck page brought calls not seen before', () => {
    const first = [makeCall({ started_at: at(9) }), makeCall({ started_at: at(5) })];
    const second = [makeCall({ started_at: at(5) }), makeCall({ started_at: at(5) })];
    expect(nextCallsCursor([first, second], at(5), 2)).toBe(at(4));
  });

  it('stops instead of looping when the server ignores the bound', () => {
    const page = [makeCall({ call_uuid: 'a', started_at: at(9) }), makeCall({ call_uuid: 'b', started_at: at(5) })];
    expect(nextCallsCursor([page, page], at(5), 2)).toBeNull();
  });

  it('accepts timestamps with offsets', () => {
    const page = [makeCall({ started_at: '2026-11-29T13:00:01+01:00' }), makeCall({ started_at: '2026-11-29T13:00:00+01:00' })];
    expect(nextCallsCursor([page], null, 2)).toBe('2026-11-29T13:00:00+01:00');
  });
});

describe('paging through a whole history', () => {
  it('sees every call exactly once when duplicates cross page boundaries', () => {
    const all = Array.from({ length: 250 }, (_, i) => makeCall({ call_uuid: `c${i}`, started_at: at(1000 - i) }));
    const { merged, pages } = pageThrough(all, 100);
    expect(merged).toHaveLength(250);
    expect(pages.length).toBe(3);
  });

  it('does not skip calls that share a timestamp spanning a page boundary', () => {
    // 95 distinct seconds, then 20 calls in one second that straddle the 100-call boundary, then more.
    const all = [
      ...Array.from({ length: 95 }, (_, i) => makeCall({ call_uuid: `a${i}`, started_at: at(1000 - i) })),
      ...Array.from({ length: 20 }, (_, i) => makeCall({ call_uuid: `same${i}`, started_at: at(800) })),
      ...Array.from({ length: 135 }, (_, i) => makeCall({ call_uuid: `b${i}`, started_at: at(700 - i) })),
    ];
    const { merged } = pageThrough(all, 100);
    expect(new Set(merged.map((call) => call.call_uuid))).toEqual(new Set(all.map((call) => call.call_uuid)));
    expect(merged).toHaveLength(250);
  });

  it('keeps going while each page brings only a few new calls', () => {
    // Pages of 3 where every second holds 2 calls: each page brings only one or two new calls.
    const all = Array.from({ length: 40 }, (_, i) => makeCall({ call_uuid: `p${i}`, started_at: at(100 - Math.floor(i / 2)) }));
    const { merged } = pageThrough(all, 3);
    expect(merged).toHaveLength(40);
  });

  it('ends at an exact multiple of the limit with one empty or short page', () => {
    const all = Array.from({ length: 200 }, (_, i) => makeCall({ call_uuid: `e${i}`, started_at: at(1000 - i) }));
    const { merged, pages } = pageThrough(all, 100);
    expect(merged).toHaveLength(200);
    expect(pages.at(-1)!.length).toBeLessThan(100);
  });

  it('gets past a second holding more calls than the limit (losing only what the API cannot page)', () => {
    const all = [
      ...Array.from({ length: 10 }, (_, i) => makeCall({ call_uuid: `n${i}`, started_at: at(500 - i) })),
      ...Array.from({ length: 130 }, (_, i) => makeCall({ call_uuid: `crowd${i}`, started_at: at(400) })),
      ...Array.from({ length: 30 }, (_, i) => makeCall({ call_uuid: `o${i}`, started_at: at(300 - i) })),
    ];
    const { merged, cursors } = pageThrough(all, 100);
    const ids = new Set(merged.map((call) => call.call_uuid));
    for (const i of [0, 9]) expect(ids.has(`n${i}`)).toBe(true);
    for (let i = 0; i < 30; i += 1) expect(ids.has(`o${i}`)).toBe(true);
    expect(cursors).toContain(at(399));
    // 100 of the 130 calls in that one second are reachable; 30 are a limitation of the API.
    expect(merged.filter((call) => call.call_uuid.startsWith('crowd')).length).toBe(100);
  });

  it('pages a boundary-heavy history where many calls share seconds', () => {
    let n = 0;
    const all: Call[] = [];
    for (let s = 0; all.length < 250; s += 1) {
      const count = [1, 7, 3, 100, 2][s % 5]!;
      for (let k = 0; k < count && all.length < 250; k += 1) all.push(makeCall({ call_uuid: `h${n++}`, started_at: at(5000 - s) }));
    }
    const { merged } = pageThrough(all, 100);
    expect(merged).toHaveLength(250);
  });
});

describe('pageAll', () => {
  it('says so, rather than answering part of the calls, when a window holds more than its loop may page', async () => {
    let pagesAsked = 0;
    let second = 10_000_000;
    const endless = async () => {
      pagesAsked += 1;
      return Array.from({ length: CALLS_PAGE_SIZE }, () => makeCall({ started_at: at((second -= 1)) }));
    };
    await expect(pageAll(endless)).rejects.toBeInstanceOf(TooManyCallsError);
    expect(pagesAsked).toBe(MAX_PAGES_PER_LOOP);
  });

  it('answers every call once when the history ends within the bound', async () => {
    const calls = Array.from({ length: 150 }, (_, i) => makeCall({ started_at: at(1000 - i) }));
    const byCursor = async (cursor: CallsCursor) => {
      const before = cursor === null ? calls : calls.filter((c) => c.started_at <= cursor);
      return before.slice(0, CALLS_PAGE_SIZE);
    };
    const all = await pageAll(byCursor);
    expect(all.map((c) => c.call_uuid)).toEqual(calls.map((c) => c.call_uuid));
  });
});
