/**
 * `GET /calls` a page at a time and "every page" with the inclusive cursor (shared/model/call-paging.ts). Used by
 * the call log and the statistics, so both count the same calls the same way. Parsed by the API client's schema.
 */
import { CallsResponseSchema, type Call, type CallsQuery } from '@common/call-schemas.ts';
import { firmafonGet } from '@/lib/api-client.ts';
import { CALLS_PAGE_SIZE, pageAll, type CallsCursor } from '../model/call-paging.ts';

/** `GET /calls` for one page: newest first, at most `limit`, at or before `cursor`. */
export async function getCallsPage(query: CallsQuery, cursor: CallsCursor, signal?: AbortSignal): Promise<Call[]> {
  const params: CallsQuery = { ...query, limit: CALLS_PAGE_SIZE };
  // The filter's own upper bound (end of the "to" day) is always later than a cursor taken from its results.
  if (cursor !== null) params.started_at_lt_or_eq = cursor;
  const { calls } = await firmafonGet('/calls', { query: { ...params }, schema: CallsResponseSchema, signal });
  return calls;
}

/**
 * Every call matching `query`, following the cursor to the end of history; `onPage` hears each page as it
 * arrives (for progress).
 */
export function getAllCalls(query: CallsQuery, signal?: AbortSignal, onPage?: (page: readonly Call[]) => void): Promise<Call[]> {
  return pageAll((cursor) => getCallsPage(query, cursor, signal), onPage);
}
