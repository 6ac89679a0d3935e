/**
 * All calls of one Copenhagen day so far (every page of `GET /calls`), for the calls page's day overview and the
 * wallboard: one query, one key, one counting (shared/model/call-overview.ts), so both show the same figures. A call
 * Firmafon pushes as ended is put into the day's calls at once (pushed calls are as `/calls` returns them), so the
 * figures follow each call without fetching the whole day again; the day is still fetched every minute.
 */
import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Call } from '@common/call-schemas.ts';
import { dateKeyAt, dayStartIso, type DateKey } from '@common/copenhagen-time.ts';
import { getAllCalls } from './calls-pages.ts';
import { applyPushedChange, fetchWithPushedChanges } from './pushed-changes.ts';
import { usePush } from './use-push.ts';

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
    queryFn: ({ signal, client, queryKey }) => fetchWithPushedChanges(client, queryKey, () => getAllCalls({ started_at_gt_or_eq: dayStartIso(day) }, signal)),
    staleTime: 30_000,
    gcTime: DAY_CALLS_GC_MS,
    refetchInterval: DAY_CALLS_REFRESH_MS,
    refetchIntervalInBackground: false,
  });

/**
 * A day's calls with an ended `call` in them: in place of what was known of it, or added in its place among the
 * newest first; unchanged when it started on another day.
 */
export function withEndedCall(calls: readonly Call[], call: Call, day: DateKey): Call[] {
  const startedMs = Date.parse(call.started_at);
  if (Number.isNaN(startedMs) || dateKeyAt(startedMs) !== day) return [...calls];
  const others = calls.filter((known) => known.call_uuid !== call.call_uuid);
  const at = others.findIndex((known) => Date.parse(known.started_at) < startedMs);
  return at === -1 ? [...others, call] : [...others.slice(0, at), call, ...others.slice(at)];
}

/** The day's calls, with each call pushed as ended put in at once. */
export function useDayCalls(day: DateKey) {
  const queryClient = useQueryClient();
  usePush((event) => {
    if (event.kind !== 'call' || event.call.ended_at === null) return;
    const { call } = event;
    applyPushedChange<Call[]>(queryClient, dayCallsQuery(day).queryKey, (calls) => withEndedCall(calls, call, day));
  });
  return useQuery(dayCallsQuery(day));
}
