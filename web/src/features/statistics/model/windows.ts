/**
 * Loading a long period fast. `GET /calls` pages with a sequential cursor of at most 100 calls, so one request
 * stream for a busy month is 150 round trips in a row. The period is split into one window per Copenhagen day
 * (`started_at_gt_or_eq` = 00:00:00, `started_at_lt_or_eq` = 23:59:59, both inclusive), the windows are fetched
 * with a bounded number in flight, and each window still pages completely with the cursor (shared/model/call-paging.ts).
 * Pure apart from the `fetchWindow` it is given; unit-tested against a simulated API.
 */
import type { Call, CallsQuery } from '@common/call-schemas.ts';
import { dayEndIso, dayStartIso, nextDateKey, startOfDay, type DateKey } from '@common/copenhagen-time.ts';
import { mergeCallPages } from '@/shared/model/call-paging.ts';
import { daysOf, type Period } from './period.ts';

/** How many windows are fetched at once: a browser talks to one origin over at most 6 HTTP/1.1 connections. */
export const WINDOW_CONCURRENCY = 6;

export interface CallWindow {
  day: DateKey;
  /** The `/calls` filter for the day: the base filter plus the day's inclusive bounds. */
  query: CallsQuery;
}

/** One window per day of `period`, each bounded by the day's first and last whole second in Copenhagen. */
export function dayWindows(period: Period, base: CallsQuery = {}): CallWindow[] {
  return daysOf(period).map((day) => ({
    day,
    query: { ...base, started_at_gt_or_eq: dayStartIso(day), started_at_lt_or_eq: dayEndIso(day) },
  }));
}

/** A window is closed once its day has ended: its calls can no longer change, so it is never fetched again. */
export function isClosedWindow(day: DateKey, nowMs: number): boolean {
  return startOfDay(nextDateKey(day)) <= nowMs;
}

export interface WindowsResult {
  /** Calls per loaded window, by day. */
  loaded: Map<DateKey, readonly Call[]>;
  /** Days whose window failed (after its retries). */
  failed: DateKey[];
  /** Days never loaded because the load was cancelled. */
  notLoaded: DateKey[];
  cancelled: boolean;
}

export interface LoadWindowsOptions {
  windows: readonly CallWindow[];
  fetchWindow: (window: CallWindow) => Promise<readonly Call[]>;
  concurrency?: number;
  signal?: AbortSignal;
  /** Heard after each window settles (loaded or failed). */
  onWindow?: (window: CallWindow, calls: readonly Call[] | null) => void;
}

/**
 * Fetches every window with at most `concurrency` in flight, newest day first (so today's figures come first).
 * A failed window is recorded, not thrown: the page says which days are missing. After `signal` aborts no
 * window starts; windows in flight are left to the fetcher's own cancellation and count as not loaded.
 */
export async function loadWindows({ windows, fetchWindow, concurrency = WINDOW_CONCURRENCY, signal, onWindow }: LoadWindowsOptions): Promise<WindowsResult> {
  const loaded = new Map<DateKey, readonly Call[]>();
  const failed: DateKey[] = [];
  const queue = [...windows].reverse();
  const worker = async (): Promise<void> => {
    for (let window = queue.shift(); window !== undefined; window = queue.shift()) {
      if (signal?.aborted) return;
      try {
        const calls = await fetchWindow(window);
        if (signal?.aborted) return;
        loaded.set(window.day, calls);
        onWindow?.(window, calls);
      } catch (error) {
        if (signal?.aborted) return;
        failed.push(window.day);
        onWindow?.(window, null);
        if (isFatal(error)) {
          queue.length = 0;
          throw error;
        }
      }
    }
  };
  const workers = Array.from({ length: Math.max(1, Math.min(concurrency, windows.length)) }, () => worker());
  await Promise.all(workers);
  const cancelled = signal?.aborted ?? false;
  const notLoaded = windows.map((w) => w.day).filter((day) => !loaded.has(day) && !failed.includes(day));
  return { loaded, failed: failed.sort(), notLoaded, cancelled };
}

/** A 401/403 ends the whole load: every other window would fail the same way. */
function isFatal(error: unknown): boolean {
  const status = typeof error === 'object' && error !== null ? (error as { status?: unknown }).status : undefined;
  return status === 401 || status === 403;
}

/**
 * The calls of all windows, each once (by `call_uuid`), newest first, and only those that started inside the
 * period — a window never adds a call outside its own day, whatever a server sends.
 */
export function mergeWindows(windows: Iterable<readonly Call[]>, period: Period): Call[] {
  const fromMs = startOfDay(period.from);
  const toMs = startOfDay(nextDateKey(period.to));
  return mergeCallPages([...windows]).filter((call) => {
    const ms = Date.parse(call.started_at);
    return ms >= fromMs && ms < toMs;
  });
}
