import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addDays } from '@common/copenhagen-time.ts';
import { makeCall } from '../testing/make-call.ts';
import { DAY_CALLS_GC_MS, DAY_CALLS_REFRESH_MS, dayCallsQuery } from './day-calls.ts';

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
