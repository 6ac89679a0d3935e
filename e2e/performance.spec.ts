/**
 * No waterfalls after sign-in, measured in a real browser from the moment the sandbox redirects to the
 * callback until the calls table holds rows: the token request goes out alone, the calls route's code loads
 * while it is in flight, and the employee and the first calls page are then requested side by side — two
 * sequential round trips in all. The page's CPU is throttled 6× (as on a slow phone or a busy machine), and the
 * page's code is made to arrive both before and after the token: the order must come from the code.
 *
 * Everything is timed on the page's own clock: the app's `fetch` calls (start = the call, end = the answer's
 * headers, before which nothing can depend on it) and the resource timing of its scripts. Chromium's
 * network-level timings, read from outside, drift by tens of milliseconds on a loaded machine.
 */
import type { Page } from '@playwright/test';
import { expect, logInAtFirmafon, test } from './fixtures.ts';

interface Timed {
  url: URL;
  method: string;
  /** Epoch ms. */
  start: number;
  /** Epoch ms; Infinity when the request never finished. */
  end: number;
}

/** The lazy calls route's chunk (Vite names chunks after their module: web/src/features/calls/pages/calls-page.tsx). */
const CALLS_ROUTE_CHUNK = /^\/assets\/calls-page-[\w-]+\.js$/;
const isToken = (r: Timed) => r.url.pathname === '/api/auth/token' && r.method === 'POST';
const isEmployee = (r: Timed) => r.url.pathname === '/api/firmafon/employee';
const isFirstCallsPage = (r: Timed) =>
  r.url.pathname === '/api/firmafon/calls' && !r.url.searchParams.has('started_at_lt_or_eq') && !r.url.searchParams.has('started_at_gt_or_eq');

/** Chromium's CPU throttling for the page: every task takes this many times as long. */
const CPU_SLOWDOWN = 6;

interface PageRecord {
  fetches: Array<{ url: string; method: string; start: number; end: number | null }>;
  scripts: Array<{ url: string; start: number }>;
  tableFilledAt: number | null;
}

/**
 * In every document from now on: records each `fetch` the app makes, and the moment the first call row is in the
 * table, in epoch ms on the page's clock (`performance.timeOrigin + performance.now()`).
 */
async function recordInPage(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const now = () => performance.timeOrigin + performance.now();
    const record = {
      fetches: [] as Array<{ url: string; method: string; start: number; end: number | null }>,
      tableFilledAt: null as number | null,
    };
    (window as unknown as { __record: typeof record }).__record = record;
    const original = window.fetch.bind(window);
    window.fetch = async (input, init) => {
      const request = input instanceof Request ? input : null;
      const entry = {
        url: new URL(request ? request.url : String(input), window.location.href).href,
        method: (init?.method ?? request?.method ?? 'GET').toUpperCase(),
        start: now(),
        end: null as number | null,
      };
      record.fetches.push(entry);
      try {
        return await original(input, init);
      } finally {
        entry.end = now();
      }
    };
    const observer = new MutationObserver(() => {
      if (document.querySelector('tbody tr[aria-rowindex]')) {
        record.tableFilledAt ??= now();
        observer.disconnect();
      }
    });
    observer.observe(document, { childList: true, subtree: true });
  });
}

/** The current document's record, with the start of every script it loaded (resource timing). */
async function readRecord(page: Page): Promise<PageRecord> {
  return page.evaluate(() => {
    const record = (window as unknown as { __record: Omit<PageRecord, 'scripts'> }).__record;
    const scripts = performance
      .getEntriesByType('resource')
      .filter((entry) => new URL(entry.name).pathname.endsWith('.js'))
      .map((entry) => ({ url: entry.name, start: performance.timeOrigin + entry.startTime }));
    return { ...record, scripts };
  });
}

/**
 * Sequential round trips: a request is on trip 1 + the highest trip of any request that had finished before it
 * started (trip 1 when none had). Requests that overlap share a trip.
 */
function roundTrips(requests: readonly Timed[]): Map<Timed, number> {
  const trips = new Map<Timed, number>();
  for (const request of [...requests].sort((a, b) => a.start - b.start)) {
    let trip = 1;
    for (const [earlier, earlierTrip] of trips) {
      if (earlier.end <= request.start) trip = Math.max(trip, earlierTrip + 1);
    }
    trips.set(request, trip);
  }
  return trips;
}

/**
 * Holds back the app's lazily loaded chunks (every script index.html does not load itself) by `ms`, so that the
 * token arrives before the code of the page after the callback.
 */
async function delayLazyChunks(page: Page, ms: number): Promise<void> {
  const html = await (await page.request.get('/')).text();
  const eager = new Set([...html.matchAll(/\/assets\/[\w.-]+\.js/g)].map((match) => match[0]));
  await page.route('**/assets/*.js', async (route) => {
    if (!eager.has(new URL(route.request().url()).pathname)) await new Promise((resolve) => setTimeout(resolve, ms));
    await route.continue();
  });
}

/**
 * Holds back the token function's answer until the calls route's chunk has been requested, so that the page's code is
 * on its way before the token arrives however fast the CPU is.
 */
async function holdTokenUntilPageCode(page: Page): Promise<void> {
  const pageCode = page.waitForRequest((request) => CALLS_ROUTE_CHUNK.test(new URL(request.url()).pathname), { timeout: 0 });
  await page.route('**/api/auth/token', async (route) => {
    await pageCode;
    await route.continue();
  });
}

const ORDERS = [
  { name: "the page's code arrives before the token", lazyChunkDelayMs: 0 },
  { name: "the page's code arrives after the token", lazyChunkDelayMs: 1500 },
];

test.describe('loading after sign-in', () => {
  for (const order of ORDERS) {
    test(`takes two round trips from the callback to a filled table: the token, then the data in parallel (${order.name})`, async ({
      page,
      sandbox,
    }) => {
      await sandbox.reset();
      await recordInPage(page);
      await logInAtFirmafon(page);
      const authorize = page.getByRole('button', { name: 'Authorize' });
      await expect(authorize).toBeVisible();
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
      if (order.lazyChunkDelayMs > 0) await delayLazyChunks(page, order.lazyChunkDelayMs);
      else await holdTokenUntilPageCode(page);

      await authorize.click();
      await page.waitForURL((url) => url.pathname === '/calls');
      await expect(page.locator('tbody tr[aria-rowindex]').first()).toBeVisible();
      // Still the callback's document: the SPA went on to /calls without loading another.
      const record = await readRecord(page);
      expect(record.tableFilledAt, 'the table-filled mark was set').not.toBeNull();
      const filledAt = record.tableFilledAt!;

      const api = record.fetches
        .map((f): Timed => ({ url: new URL(f.url), method: f.method, start: f.start, end: f.end ?? Number.POSITIVE_INFINITY }))
        .filter((r) => r.url.pathname.startsWith('/api/') && r.start <= filledAt);
      const first = Math.min(...api.map((r) => r.start), ...record.scripts.map((s) => s.start));
      const relative = (ms: number) => (Number.isFinite(ms) ? String(Math.round(ms - first)) : 'never');
      const timeline = [
        ...record.scripts.map((s) => ({ at: s.start, line: `${relative(s.start).padStart(5)}          script ${new URL(s.url).pathname}` })),
        ...api.map((r) => ({
          at: r.start,
          line: `${relative(r.start).padStart(5)} → ${relative(r.end).padStart(5)} ms  ${r.method} ${r.url.pathname}${r.url.search}`,
        })),
      ]
        .sort((a, b) => a.at - b.at)
        .map((entry) => entry.line)
        .join('\n');
      const trace = `\nthe callback document's scripts and fetches, ms on the page's clock:\n${timeline}\n  table filled at ${relative(filledAt)} ms`;
      test.info().annotations.push({ type: 'timeline', description: trace });
      const because = (what: string) => `${what}${trace}`;

      const tokens = api.filter(isToken);
      expect(tokens, because('exactly one token request')).toHaveLength(1);
      const token = tokens[0]!;

      const beforeToken = api.filter((r) => r !== token && r.start < token.end);
      expect(beforeToken.map((r) => r.url.pathname), because('no other API request before the token answer')).toEqual([]);

      const employee = api.find(isEmployee);
      const firstPage = api.find(isFirstCallsPage);
      expect(employee, because('the employee was requested before the table filled')).toBeDefined();
      expect(firstPage, because('the first calls page was requested before the table filled')).toBeDefined();
      const overlap = employee!.start < firstPage!.end && firstPage!.start < employee!.end;
      expect(overlap, because('the employee and the first calls page are requested in parallel')).toBe(true);

      const chunk = record.scripts.find((s) => CALLS_ROUTE_CHUNK.test(new URL(s.url).pathname));
      expect(chunk, because("the calls route's JS was requested after the callback")).toBeDefined();
      expect(chunk!.start, because("the calls route's JS is requested while the token request is in flight")).toBeLessThan(token.end);

      // The filled table waits for the token and the first calls page; the header waits for the employee. The page's
      // other queries (the filters' directory, today's overview) do not hold the table back, so they are not counted.
      const trips = roundTrips(api.filter((r) => r.start < firstPage!.end));
      const tripsOf = [...trips].map(([r, trip]) => `trip ${trip}: ${r.url.pathname}${r.url.search}`).join('\n');
      const afterToken = (what: string) => because(`${what}\n${tripsOf}`);
      expect(trips.get(token), afterToken('the token request is the first trip')).toBe(1);
      expect(trips.get(employee!), afterToken('the employee is requested right after the token')).toBe(2);
      expect(trips.get(firstPage!), afterToken('sequential round trips from the callback to a filled table')).toBe(2);
    });
  }
});

test.describe('round-trip counting', () => {
  const at = (path: string, start: number, end: number): Timed => ({ url: new URL(`http://x${path}`), method: 'GET', start, end });

  test('counts overlapping requests as one trip and a request after another one finished as the next', () => {
    const token = at('/api/auth/token', 0, 10);
    const employee = at('/api/firmafon/employee', 11, 20);
    const calls = at('/api/firmafon/calls', 12, 25);
    const late = at('/api/firmafon/receptions', 21, 30);
    const trips = roundTrips([calls, late, token, employee]);
    expect([trips.get(token), trips.get(employee), trips.get(calls), trips.get(late)]).toEqual([1, 2, 2, 3]);
  });
});
