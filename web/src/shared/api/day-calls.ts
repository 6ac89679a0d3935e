/**
 * All calls of one Copenhagen day so far (every page of `GET /calls`), for the calls page's day overview and the
 * wallboard: one query, one key, one counting (shared/model/call-overview.ts), so both show the same figures.
 */
import { queryOptions } from '@tanstack/react-query';
import { dayStartIso, type DateKey } from '@common/copenhagen-time.ts';
import { getAllCalls } from './calls-pages.ts';

/** How often the day's calls are fetched again while a page shows them and the tab is visible. */
export const DAY_CALLS_REFRESH_MS = 60_000;
/**
 * A day nobody shows any more (yesterday, after midnight) leaves the cache after this long, so a screen left on for
 * days holds one day's calls, not one per day.
 */
export const DAY_CALLS_GC_MS = 5 * 60_000;

/** Under the calls resource's key (`['calls', 'day', day]`), so a call found there can open its details at once. */
export const dayCallsQuery = (day: DateKey) =>
  queryOptions({
    queryKey: ['calls', 'day', day] as const,
    queryFn: ({ signal }) => getAllCalls({ started_at_gt_or_eq: dayStartIso(day) }, signal),
    staleTime: 30_000,
    gcTime: DAY_CALLS_GC_MS,
    refetchInterval: DAY_CALLS_REFRESH_MS,
    refetchIntervalInBackground: false,
  });
