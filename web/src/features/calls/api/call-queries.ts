/**
 * Call queries: one key factory for the calls resource (keys from generic to specific), each entry built with
 * `queryOptions`/`infiniteQueryOptions` so key and fetcher cannot drift apart. Data is parsed with the
 * schemas in common/ by the API client; nothing here trusts the network.
 */
import { infiniteQueryOptions, queryOptions, type InfiniteData, type QueryClient } from '@tanstack/react-query';
import { CallResponseSchema, type Call } from '@common/call-schemas.ts';
import { firmafonGet } from '@/lib/api-client.ts';
import { filtersToCallsQuery, type CallFilters } from '@/shared/model/call-filters.ts';
import { nextCallsCursor, type CallsCursor } from '@/shared/model/call-paging.ts';
import { getCallsPage } from '@/shared/api/calls-pages.ts';
import { dayCallsQuery } from '@/shared/api/day-calls.ts';
import type { DateKey } from '@common/copenhagen-time.ts';

/** How often the newest page is fetched again while the tab is visible. */
export const LIVE_REFRESH_MS = 30_000;

// React Query asks for the next page param whenever it builds a result (on every render of the list), and the
// answer looks at every loaded call: remember it per `pages` array, which React Query never changes in place.
const nextCursorCache = new WeakMap<readonly Call[][], Map<CallsCursor, CallsCursor>>();

function cachedNextCallsCursor(pages: Call[][], lastCursor: CallsCursor): CallsCursor {
  let byCursor = nextCursorCache.get(pages);
  if (!byCursor) {
    byCursor = new Map();
    nextCursorCache.set(pages, byCursor);
  }
  let next = byCursor.get(lastCursor);
  if (next === undefined) {
    next = nextCallsCursor(pages, lastCursor);
    byCursor.set(lastCursor, next);
  }
  return next;
}

export const callQueries = {
  all: ['calls'] as const,
  lists: () => [...callQueries.all, 'list'] as const,

  /** The call history for `filters`, a page at a time (pages are `Call[]`, the page param the cursor). */
  list: (filters: CallFilters) =>
    infiniteQueryOptions({
      queryKey: [...callQueries.lists(), filters] as const,
      queryFn: ({ pageParam, signal }) => getCallsPage(filtersToCallsQuery(filters), pageParam, signal),
      initialPageParam: null as CallsCursor,
      getNextPageParam: (_lastPage, allPages, lastPageParam) => cachedNextCallsCursor(allPages, lastPageParam),
      // Freshness comes from `latest` (one page, every 30 s); refetching a long history would refetch every
      // loaded page in turn.
      staleTime: Number.POSITIVE_INFINITY,
      refetchOnWindowFocus: false,
      refetchOnReconnect: false,
    }),

  /** The newest page for `filters`, polled while the tab is visible and merged on top of `list`. */
  latest: (filters: CallFilters) =>
    queryOptions({
      queryKey: [...callQueries.all, 'latest', filters] as const,
      queryFn: ({ signal }) => getCallsPage(filtersToCallsQuery(filters), null, signal),
      staleTime: LIVE_REFRESH_MS - 5_000,
      refetchInterval: LIVE_REFRESH_MS,
      refetchIntervalInBackground: false,
      refetchOnWindowFocus: true,
      refetchOnReconnect: true,
    }),

  /** All calls of one Copenhagen day so far (every page), for the overview; shared with the wallboard. */
  day: (day: DateKey) => dayCallsQuery(day),

  detail: (uuid: string) =>
    queryOptions({
      queryKey: [...callQueries.all, 'detail', uuid] as const,
      queryFn: async ({ signal }) => {
        const { call } = await firmafonGet(`/calls/${encodeURIComponent(uuid)}`, { schema: CallResponseSchema, signal });
        return call;
      },
      staleTime: 60_000,
    }),
};

function isCall(value: unknown, uuid: string): value is Call {
  return typeof value === 'object' && value !== null && (value as { call_uuid?: unknown }).call_uuid === uuid;
}

/**
 * A call already in the cache (from any list, the newest page, a day or its own detail), to show at once
 * while its details load.
 */
export function findCachedCall(queryClient: QueryClient, uuid: string): Call | undefined {
  for (const [, data] of queryClient.getQueriesData<InfiniteData<Call[]> | Call[] | Call>({ queryKey: callQueries.all })) {
    if (!data) continue;
    if (isCall(data, uuid)) return data;
    const pages = Array.isArray(data) ? [data] : 'pages' in data ? data.pages : [];
    for (const page of pages) {
      const found = page.find((call) => call.call_uuid === uuid);
      if (found) return found;
    }
  }
  return undefined;
}
