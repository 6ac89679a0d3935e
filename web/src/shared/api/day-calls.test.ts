import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addDays } from '@common/copenhagen-time.ts';
import { makeCall } from '../testing/make-call.ts';
import { DAY_CALLS_GC_MS, DAY_CALLS_REFRESH_MS, dayCallsQuery, withEndedCall } from './day-calls.ts';

describe("a day's calls on a screen left on for days", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('keeps one day in the cache: the day before leaves it once nobody shows it', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const fetched: string[] = [];
    const observe = (day: string) =>
      new QueryObserver(client, {
        ...dayCallsQuery(day),
        queryFn: () => {
          fetched.push(day);
          return Promise.resolve([makeCall()]);
        },
      });

    let day = '2026-11-30';
    let stop = observe(day).subscribe(() => {});
    for (let i = 0; i < 7; i += 1) {
      // A day of polling (React Query does not poll outside a browser: the test refetches as the interval would),
      // then midnight: the page observes the next day and lets go of the last.
      for (let poll = 0; poll < 10; poll += 1) {
        await vi.advanceTimersByTimeAsync(DAY_CALLS_REFRESH_MS);
        await client.refetchQueries({ queryKey: dayCallsQuery(day).queryKey });
      }
      stop();
      day = addDays(day, 1);
      stop = observe(day).subscribe(() => {});
      await vi.advanceTimersByTimeAsync(DAY_CALLS_GC_MS + 1000);
      const days = client.getQueryCache().findAll({ queryKey: ['calls', 'day'] }).map((q) => q.queryKey[2]);
      expect(days).toEqual([day]);
    }
    expect(fetched.filter((d) => d === '2026-11-30').length).toBeGreaterThan(1);
    stop();
    await vi.advanceTimersByTimeAsync(DAY_CALLS_GC_MS + 1000);
    expect(client.getQueryCache().getAll()).toHaveLength(0);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe("a call pushed as ended, in the day's calls", () => {
  // 30 November 2026 in Copenhagen (UTC+1) runs from 2026-11-29T23:00Z to 2026-11-30T23:00Z.
  const DAY = '2026-11-30';
  const known = [
    makeCall({ call_uuid: 'late', started_at: '2026-11-30T10:00:00Z', status: 'answered' }),
    makeCall({ call_uuid: 'early', started_at: '2026-11-30T08:00:00Z', status: 'missed' }),
  ];
  const uuids = (calls: ReadonlyArray<{ call_uuid: string }>) => calls.map((c) => c.call_uuid);

  it('takes the place of what was known of the call', () => {
    const ended = makeCall({ call_uuid: 'early', started_at: '2026-11-30T08:00:00Z', status: 'answered', ended_at: '2026-11-30T08:05:00Z' });
    const after = withEndedCall(known, ended, DAY);
    expect(uuids(after)).toEqual(['late', 'early']);
    expect(after[1]?.status).toBe('answered');
  });

  it('is added among the newest first by when it started', () => {
    const between = makeCall({ call_uuid: 'between', started_at: '2026-11-30T09:00:00Z', ended_at: '2026-11-30T09:01:00Z' });
    const newest = makeCall({ call_uuid: 'newest', started_at: '2026-11-30T11:00:00Z', ended_at: '2026-11-30T11:01:00Z' });
    const oldest = makeCall({ call_uuid: 'oldest', started_at: '2026-11-29T23:00:00Z', ended_at: '2026-11-29T23:01:00Z' });
    expect(uuids(withEndedCall(withEndedCall(withEndedCall(known, between, DAY), newest, DAY), oldest, DAY))).toEqual(['newest', 'late', 'between', 'early', 'oldest']);
  });

  it("leaves the day as it was for a call that started on another Copenhagen day, also a second before midnight", () => {
    const yesterday = makeCall({ call_uuid: 'yesterday', started_at: '2026-11-29T22:59:59Z', ended_at: '2026-11-29T23:00:30Z' });
    const tomorrow = makeCall({ call_uuid: 'tomorrow', started_at: '2026-11-30T23:00:00Z', ended_at: '2026-11-30T23:00:30Z' });
    expect(uuids(withEndedCall(known, yesterday, DAY))).toEqual(['late', 'early']);
    expect(uuids(withEndedCall(known, tomorrow, DAY))).toEqual(['late', 'early']);
  });

  it('changes nothing when the same call is pushed again', () => {
    const ended = makeCall({ call_uuid: 'between', started_at: '2026-11-30T09:00:00Z', ended_at: '2026-11-30T09:01:00Z' });
    const once = withEndedCall(known, ended, DAY);
    expect(withEndedCall(once, ended, DAY)).toEqual(once);
  });
});
