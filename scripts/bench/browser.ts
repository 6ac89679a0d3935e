/**
 * Headless Chromium for the benchmark (scripts/chromium.ts: the same browser and flags as the browser tests)
 * and what the bench injects into the app's pages. Page-side code is kept as strings: this part of the project
 * is type-checked without the DOM library, and an init script (CDP) runs before the app's own code and outside
 * its Content-Security-Policy.
 */
import { chromium, type Browser, type BrowserContext, type LaunchOptions, type Page } from '@playwright/test';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../chromium.ts';
import { SANDBOX_USER } from '../../sandbox/client.ts';

export const VIEWPORT = { width: 1280, height: 800 };

export function launchOptions(extraArgs: readonly string[] = []): LaunchOptions {
  return { executablePath: CHROMIUM_PATH, headless: true, args: ['--headless=new', ...CHROMIUM_FLAGS, ...extraArgs] };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch(launchOptions());
}

export function newContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: VIEWPORT, locale: 'en-GB', timezoneId: 'Europe/Copenhagen' });
}

/**
 * Runs at the start of every document of the app's origin: records the "Sign in with Firmafon" click (in this
 * tab's sessionStorage, which survives the round trip through Firmafon), the moment the first call row is in
 * the table and the first frame after it (≈ its paint), and every long task (≥ 50 ms) the browser reports.
 * Times are wall-clock ms (performance.timeOrigin + performance.now()).
 */
export function benchInitScript(appOrigin: string): string {
  return `(() => {
  if (location.origin !== ${JSON.stringify(appOrigin)}) return;
  const now = () => performance.timeOrigin + performance.now();
  const bench = { rowsAt: null, paintAt: null, longTasks: [] };
  window.__bench = bench;
  document.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('button') : null;
    if (button && /Sign in with Firmafon/.test(button.textContent || '')) sessionStorage.setItem('__benchClickAt', String(now()));
  }, true);
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) bench.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  const observer = new MutationObserver(() => {
    if (bench.rowsAt !== null || !document.querySelector('tbody tr[aria-rowindex]')) return;
    bench.rowsAt = now();
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => { bench.paintAt = now(); }, 0));
  });
  observer.observe(document, { childList: true, subtree: true });
})();`;
}

export interface SignInMarks {
  /** Wall-clock ms of the "Sign in with Firmafon" click. */
  clickAt: number;
  /** Wall-clock ms when the callback document's navigation started. */
  callbackAt: number;
  /** Wall-clock ms of the first frame with call rows in the table. */
  paintAt: number;
}

/** What `benchInitScript` keeps on the page's global object. */
export interface BenchGlobal {
  __bench?: { rowsAt: number | null; paintAt: number | null; longTasks: Array<{ start: number; duration: number }> };
}

export async function readSignInMarks(page: Page): Promise<SignInMarks> {
  // A function, not a string: the app's CSP forbids eval, which Playwright would need for a string predicate.
  await page.waitForFunction(() => (globalThis as BenchGlobal).__bench?.paintAt != null, null, { timeout: 60_000 });
  return (await page.evaluate(`({
    clickAt: Number(sessionStorage.getItem('__benchClickAt')),
    callbackAt: performance.timeOrigin,
    paintAt: window.__bench.paintAt,
  })`)) as SignInMarks;
}

/**
 * From the sign-in page through the sandbox's login (and consent, the first time) until the table has painted.
 * The page must carry `benchInitScript`.
 */
export async function signInThroughSandbox(page: Page, appUrl: string, { consent }: { consent: boolean }): Promise<SignInMarks> {
  await page.goto(`${appUrl}/`);
  await page.getByRole('button', { name: 'Sign in with Firmafon' }).click();
  await page.getByLabel('Email').fill(SANDBOX_USER.email);
  await page.getByLabel('Password').fill(SANDBOX_USER.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  if (consent) await page.getByRole('button', { name: 'Authorize' }).click();
  return readSignInMarks(page);
}

/** JS heap in use after a full garbage collection (CDP), in bytes. */
export async function heapAfterGc(page: Page): Promise<number> {
  const session = await page.context().newCDPSession(page);
  try {
    await session.send('HeapProfiler.enable');
    await session.send('HeapProfiler.collectGarbage');
    await session.send('HeapProfiler.collectGarbage');
    const usage = await session.send('Runtime.getHeapUsage');
    return usage.usedSize;
  } finally {
    await session.detach();
  }
}

/**
 * The longest task on a renderer main thread in a Chromium trace (`ThreadControllerImpl::RunTask` in the
 * 'toplevel' category, or DevTools' `RunTask` when that detail was traced): wall time, and the main
 * thread's CPU time (`tdur`), which a busy machine inflates less; in ms. `breakdown` names what ran inside the
 * longest task (trace event names with their summed wall time; nested events overlap their parents).
 */
export function longestRendererTask(traceJson: string): { longestMs: number; longestCpuMs: number; tasks: number; breakdown: string } {
  const trace = JSON.parse(traceJson) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(trace) ? trace : (trace.traceEvents ?? []);
  const mainThreads = new Set(
    events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`),
  );
  let longest: TraceEvent | null = null;
  let longestCpu = 0;
  let tasks = 0;
  for (const event of events) {
    if (event.ph !== 'X' || !TASK_EVENTS.has(event.name) || !mainThreads.has(`${event.pid}:${event.tid}`)) continue;
    tasks += 1;
    if (!longest || (event.dur ?? 0) > (longest.dur ?? 0)) longest = event;
    longestCpu = Math.max(longestCpu, (event.tdur ?? 0) / 1000);
  }
  let breakdown = '';
  if (longest?.ts !== undefined) {
    const from = longest.ts;
    const to = from + (longest.dur ?? 0);
    const byName = new Map<string, number>();
    for (const event of events) {
      if (event.ph !== 'X' || TASK_EVENTS.has(event.name) || event.pid !== longest.pid || event.tid !== longest.tid) continue;
      if (event.ts === undefined || event.ts < from || event.ts > to) continue;
      byName.set(event.name, (byName.get(event.name) ?? 0) + (event.dur ?? 0) / 1000);
    }
    breakdown = [...byName]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .map(([name, total]) => `${name} ${total.toFixed(1)} ms`)
      .join(', ');
  }
  return { longestMs: (longest?.dur ?? 0) / 1000, longestCpuMs: longestCpu, tasks, breakdown };
}

const TASK_EVENTS = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts?: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}
