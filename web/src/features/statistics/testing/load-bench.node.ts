/**
 * For `npm run bench` (scripts/bench/statistics.ts): loads a period's calls from a Firmafon API (the sandbox) in
 * one of two ways, with the statistics page's own code, and prints one JSON line: the sequential inclusive cursor
 * over the whole period (one request after another, as a plain client pages), or the page's day windows fetched
 * in parallel (model/windows.ts). Runs in Node through tsx with web/tsconfig.node-tests.json, for the aliases.
 *
 *   tsx --tsconfig web/tsconfig.node-tests.json web/src/features/statistics/testing/load-bench.node.ts \
 *     --api http://127.0.0.1:8899/api/v2 --from 2026-10-31 --to 2026-11-30 --mode windows   (token in BENCH_TOKEN)
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import * as v from 'valibot';
import { CallsResponseSchema, type Call, type CallsQuery } from '@common/call-schemas.ts';
import { dayEndIso, dayStartIso } from '@common/copenhagen-time.ts';
import { CALLS_PAGE_SIZE, mergeCallPages, nextCallsCursor, pageAll, type CallsCursor } from '@/shared/model/call-paging.ts';
import { dayWindows, loadWindows, mergeWindows, WINDOW_CONCURRENCY } from '../model/windows.ts';

const { values } = parseArgs({
  options: { api: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, mode: { type: 'string' } },
});
const { api, from, to, mode } = values;
const token = process.env.BENCH_TOKEN;
if (!api || !from || !to || (mode !== 'sequential' && mode !== 'windows') || !token) {
  throw new Error('usage: --api URL --from YYYY-MM-DD --to YYYY-MM-DD --mode sequential|windows, token in BENCH_TOKEN');
}

let requests = 0;

/** One `GET /calls` page, parsed with the app's schema as the app does. */
async function getPage(query: CallsQuery, cursor: CallsCursor): Promise<Call[]> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...query, limit: CALLS_PAGE_SIZE, ...(cursor === null ? {} : { started_at_lt_or_eq: cursor }) })) {
    if (value !== undefined) params.set(key, String(value));
  }
  requests += 1;
  const response = await fetch(`${api}/calls?${params.toString()}`, { headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' } });
  if (!response.ok) throw new Error(`GET /calls answered ${response.status}`);
  return v.parse(CallsResponseSchema, await response.json()).calls;
}

/** The whole period through one cursor, with no page limit (a busy month is more than 100 pages). */
async function sequential(): Promise<Call[]> {
  const query: CallsQuery = { started_at_gt_or_eq: dayStartIso(from!), started_at_lt_or_eq: dayEndIso(to!) };
  const pages: Call[][] = [];
  let cursor: CallsCursor = null;
  do {
    pages.push(await getPage(query, cursor));
    cursor = nextCallsCursor(pages, cursor);
  } while (cursor !== null);
  return mergeCallPages(pages);
}

async function windowed(): Promise<Call[]> {
  const period = { from: from!, to: to! };
  const result = await loadWindows({
    windows: dayWindows(period),
    concurrency: WINDOW_CONCURRENCY,
    fetchWindow: (window) => pageAll((cursor) => getPage(window.query, cursor)),
  });
  if (result.failed.length > 0) throw new Error(`windows failed: ${result.failed.join(', ')}`);
  return mergeWindows(result.loaded.values(), period);
}

const started = performance.now();
const calls = mode === 'sequential' ? await sequential() : await windowed();
const ms = performance.now() - started;
console.log(JSON.stringify({ mode, ms, requests, calls: calls.length, concurrency: mode === 'windows' ? WINDOW_CONCURRENCY : 1 }));
