/**
 * Paging Firmafon's call history. `GET /calls` has no page token: the client sends the `started_at` of the
 * oldest call it has as `started_at_lt_or_eq`. The bound is inclusive, so every page repeats the calls of
 * the cursor's second; pages are merged by `call_uuid` and paging never stops while new calls keep coming.
 *
 * Known limitation of the API: when more than `limit` (100) calls share one second, only `limit` of them can
 * ever be fetched — the cursor cannot point inside a second. We then step the cursor one second back
 * so that paging goes on instead of asking for the same page for ever.
 */
import { CALLS_MAX_LIMIT, type Call } from '@common/call-schemas.ts';

export const CALLS_PAGE_SIZE = CALLS_MAX_LIMIT;

/** `started_at_lt_or_eq` for the next page; `null` for the first page. */
export type CallsCursor = string | null;

function startedMs(call: Pick<Call, 'started_at'>): number {
  const ms = Date.parse(call.started_at);
  return Number.isNaN(ms) ? Number.NEGATIVE_INFINITY : ms;
}

const second = (ms: number) => Math.floor(ms / 1000);

/**
 * All calls of all pages, each once, newest first. Where a call appears twice the first copy wins, so
 * callers put fresher data (the live head page) first. Calls with equal start times keep their order.
 */
export function mergeCallPages(pages: readonly (readonly Call[])[]): Call[] {
  const seen = new Set<string>();
  const merged: { call: Call; ms: number; order: number }[] = [];
  for (const page of pages) {
    for (const call of page) {
      if (seen.has(call.call_uuid)) continue;
      seen.add(call.call_uuid);
      merged.push({ call, ms: startedMs(call), order: merged.length });
    }
  }
  merged.sort((a, b) => b.ms - a.ms || a.order - b.order);
  return merged.map((entry) => entry.call);
}

/** `2014-03-21T13:59:04Z` — whole seconds, as Firmafon writes them. */
function isoSeconds(ms: number): string {
  return new Date(second(ms) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * The cursor for the page after `pages` (the pages fetched so far, in order), or null at the end of history.
 *
 * - A page with fewer than `limit` calls is the last one.
 * - Otherwise the next cursor is the oldest `started_at` seen so far (inclusive: its second comes back).
 * - If the last page is full but every call on it is in the cursor's second, the cursor cannot move: step
 *   it one second back (the limitation above).
 * - If the last page holds calls after the cursor, or brought nothing new although it was not stuck in one
 *   second, the server is not honouring the bound; stop rather than ask for the same page for ever.
 */
export function nextCallsCursor(
  pages: readonly (readonly Call[])[],
  lastCursor: CallsCursor,
  limit: number = CALLS_PAGE_SIZE,
): CallsCursor {
  const last = pages.at(-1);
  if (!last || last.length < limit) return null;

  let oldest: Call | null = null;
  let oldestMs = Number.POSITIVE_INFINITY;
  for (const page of pages) {
    for (const call of page) {
      const ms = startedMs(call);
      if (oldest === null || ms < oldestMs) {
        oldest = call;
        oldestMs = ms;
      }
    }
  }
  if (oldest === null) return null;
  if (!Number.isFinite(oldestMs)) return null;

  const cursorMs = lastCursor === null ? Number.POSITIVE_INFINITY : Date.parse(lastCursor);
  // A page after the cursor's second means the server ignored the bound: paging on could loop for ever.
  if (last.some((call) => second(startedMs(call)) > second(cursorMs))) return null;
  const stuck = second(oldestMs) >= second(cursorMs);
  if (stuck) return isoSeconds(Math.min(oldestMs, cursorMs) - 1000);

  const known = new Set<string>();
  for (const page of pages.slice(0, -1)) for (const call of page) known.add(call.call_uuid);
  const broughtNew = last.some((call) => !known.has(call.call_uuid));
  if (!broughtNew) return null;

  return oldest.started_at;
}

/** Upper bound for "page everything" loops (100 × 100 calls), so bad data cannot loop for ever. */
export const MAX_PAGES_PER_LOOP = 100;

/** More calls than {@link MAX_PAGES_PER_LOOP} pages hold: the caller says so rather than counting part of them. */
export class TooManyCallsError extends Error {
  constructor() {
    super(`More than ${MAX_PAGES_PER_LOOP * CALLS_PAGE_SIZE} calls in one request window`);
    this.name = 'TooManyCallsError';
  }
}

/**
 * Every call `getPage` yields, following the cursor to the end ({@link nextCallsCursor}), each once, newest
 * first. `onPage` hears each page as it arrives (for progress). Rejects with TooManyCallsError when the loop's bound
 * is reached before the end: a figure over part of the calls must not look whole.
 */
export async function pageAll(
  getPage: (cursor: CallsCursor) => Promise<readonly Call[]>,
  onPage?: (page: readonly Call[]) => void,
): Promise<Call[]> {
  const pages: (readonly Call[])[] = [];
  let cursor: CallsCursor = null;
  for (let i = 0; i < MAX_PAGES_PER_LOOP; i += 1) {
    const page = await getPage(cursor);
    pages.push(page);
    onPage?.(page);
    cursor = nextCallsCursor(pages, cursor);
    if (cursor === null) return mergeCallPages(pages);
  }
  throw new TooManyCallsError();
}
