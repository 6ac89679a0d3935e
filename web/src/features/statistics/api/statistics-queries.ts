/**
 * The statistics resource: the calls of one day window (model/windows.ts), fetched completely with the
 * inclusive cursor through the shared `/calls` fetcher. One key factory; a closed window (its day is over)
 * never goes stale and is kept for the session, so it is fetched once.
 */
import { queryOptions } from '@tanstack/react-query';
import { getAllCalls } from '@/shared/api/calls-pages.ts';
import type { CallWindow } from '../model/windows.ts';

/** How long today's window counts as fresh: calls keep coming in. */
const OPEN_WINDOW_STALE_MS = 60_000;

export const statisticsQueries = {
  all: ['statistics'] as const,
  windows: () => [...statisticsQueries.all, 'window'] as const,
  /** The calls of one window; `closed` windows are fetched once per session. */
  window: (window: CallWindow, closed: boolean) =>
    queryOptions({
      queryKey: [...statisticsQueries.windows(), window.query] as const,
      queryFn: ({ signal }) => getAllCalls(window.query, signal),
      staleTime: closed ? Number.POSITIVE_INFINITY : OPEN_WINDOW_STALE_MS,
      gcTime: closed ? Number.POSITIVE_INFINITY : 5 * 60_000,
    }),
};
