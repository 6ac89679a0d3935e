/**
 * No waterfalls after sign-in, measured in a real browser from the moment the sandbox redirects to the
 * callback until the calls table holds rows: the token request goes out alone, the calls route's code loads
 * while it is in flight, and the employee and the first calls page are then requested side by side — two
 * sequential round trips in all. Timings come from Chromium's network stack (Playwright's request.timing()).
 */
import type { Page, Request } from '@playwright/test';
import { expect, logInAtFirmafon, test } from './fixtures.ts';

interface Timed {
  url: URL;
  method: string;
  resourceType: string;
  /** Epoch ms. */
  start: number;
  /** Epoch ms; Infinity when the request never finished. */
  end: number;
}

/** The lazy calls route's chunk (Vite names chunks after their module: web/src/features/calls/calls-page.tsx). */
const CALLS_ROUTE_CHUNK = /^\/assets\/calls-page-[\w-]+\.js$/;
const isApi = (r: Timed) => r.url.pathname.startsWith('/api/');
const isToken = (r: Timed) => r.url.pathname === '/api/auth/token' && r.method === 'POST';
const isEmployee = (r: Timed) => r.url.pathname === '/api/firmafon/employee';
const isFirstCallsPage = (r: Timed) => r.url.pathname === '/api/firmafon/calls' && !r.url.searchParams.has('started_at_lt_or_eq') && !r.url.searchParams.has('started_at_gt_or_eq');

function timed(request: Request, finished: boolean): Timed {
  const timing = request.timing();
  return {
    url: new URL(request.url()),
    method: request.method(),
    resourceType: request.resourceType(),
    start: timing.startTime,
    end: finished && timing.responseEnd >= 0 ? timing.startTime + timing.responseEnd : Number.POSITIVE_INFINITY,
  };
}

/** Records every request the page makes from now on; call the result for their timings so far. */
function recordRequests(page: Page): () => Timed[] {
  const requests: Request[] = [];
  const finished = new Set<Request>();
  page.on('request', (request) => requests.push(request));
  page.on('requestfinished', (request) => finished.add(request));
  return () => requests.map((request) => timed(request, finished.has(request)));
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

test.describe('loading after sign-in', () => {
  test('takes two round trips from the callback to a filled table: the token, then the data in parallel', async ({ page, sandbox }) => {
    await sandbox.reset();
    // Wall-clock moment (same clock as request timings) when the first call row is in the table.
    await page.addInitScript(() => {
      const mark = () => {
        if (document.querySelector('tbody tr[aria-rowindex]')) {
          (window as unknown as { __tableFilledAt?: number }).__tableFilledAt ??= performance.timeOrigin + performance.now();
          observer.disconnect();
        }
      };
      const observer = new MutationObserver(mark);
      observer.observe(document, { childList: true, subtree: true });
    });

    await logInAtFirmafon(page);
    const authorize = page.getByRole('button', { name: 'Authorize' });
    await expect(authorize).toBeVisible();

    const recorded = recordRequests(page);
    await authorize.click();
    await page.waitForURL((url) => url.pathname === '/calls');
    await expect(page.locator('tbody tr[aria-rowindex]').first()).toBeVisible();
    const filledAt = await page.evaluate(() => (window as unknown as { __tableFilledAt?: number }).__tableFilledAt ?? null);
    expect(filledAt, 'the table-filled mark was set').not.toBeNull();
    const requests = recorded();

    const callback = requests.find((r) => r.resourceType === 'document' && r.url.pathname === '/auth/callback');
    expect(callback, 'the callback document was requested').toBeDefined();
    const sinceCallback = requests.filter((r) => r.start >= callback!.start && r.start <= filledAt!);
    const api = sinceCallback.filter(isApi);
    const relative = (ms: number) => (Number.isFinite(ms) ? Math.round(ms - callback!.start) : 'never');
    const timeline = sinceCallback
      .map((r) => `${String(relative(r.start)).padStart(5)} → ${String(relative(r.end)).padStart(5)} ms  ${r.method} ${r.url.pathname}${r.url.search}`)
      .join('\n');
    const trace = `\nrequests, ms after the callback request:\n${timeline}\n  table filled at ${relative(filledAt!)} ms`;
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

    const chunk = sinceCallback.find((r) => CALLS_ROUTE_CHUNK.test(r.url.pathname));
    expect(chunk, because("the calls route's JS was requested after the callback")).toBeDefined();
    expect(chunk!.start, because("the calls route's JS is requested while the token request is in flight")).toBeLessThan(token.end);

    // The filled table waits for the token and the first calls page; the header waits for the employee. The page's
    // other queries (the filters' directory, today's overview) do not hold the table back, so they are not counted
    // (on a starved CPU they may start only after the employee has arrived).
    const trips = roundTrips(api.filter((r) => r.start < firstPage!.end));
    const tripsOf = [...trips].map(([r, trip]) => `trip ${trip}: ${r.url.pathname}${r.url.search}`).join('\n');
    const afterToken = (what: string) => because(`${what}\n${tripsOf}`);
    expect(trips.get(token), afterToken('the token request is the first trip')).toBe(1);
    expect(trips.get(employee!), afterToken('the employee is requested right after the token')).toBe(2);
    expect(trips.get(firstPage!), afterToken('sequential round trips from the callback to a filled table')).toBe(2);
  });
});

test.describe('round-trip counting', () => {
  const at = (path: string, start: number, end: number): Timed => ({ url: new URL(`http://x${path}`), method: 'GET', resourceType: 'fetch', start, end });

  test('counts overlapping requests as one trip and a request after another one finished as the next', () => {
    const token = at('/api/auth/token', 0, 10);
    const employee = at('/api/firmafon/employee', 11, 20);
    const calls = at('/api/firmafon/calls', 12, 25);
    const late = at('/api/firmafon/receptions', 21, 30);
    const trips = roundTrips([calls, late, token, employee]);
    expect([trips.get(token), trips.get(employee), trips.get(calls), trips.get(late)]).toEqual([1, 2, 2, 3]);
  });
});
