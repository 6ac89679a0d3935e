/**
 * The browser measurements: sign-in to a filled table (first and returning sign-ins), and rendering a
 * 10,000-call history (first table paint, loading every page, the longest main-thread task while scrolling
 * through it, rows in the DOM, and the JS heap).
 */
import type { Browser } from '@playwright/test';
import type { AppRun } from './app-run.ts';
import { benchInitScript, heapAfterGc, longestRendererTask, newContext, signInThroughSandbox } from './browser.ts';
import { sandboxControl } from '../../sandbox/client.ts';
import { summarize, type Summary } from './stats.ts';

export interface SignInTimings {
  runs: number;
  /** After a sandbox reset: login and consent. */
  first: { clickToTable: Summary; callbackToTable: Summary };
  /** The app already approved: login only (fresh browser context, so no Firmafon session cookie). */
  returning: { clickToTable: Summary; callbackToTable: Summary };
}

/** `runs` sign-ins of each kind; no new one starts after `deadline` (epoch ms), so fewer may be measured. */
export async function measureSignIn(
  run: AppRun,
  browser: Browser,
  { runs, deadline, log }: { runs: number; deadline: number; log: (line: string) => void },
): Promise<SignInTimings> {
  // Half the time for each kind.
  const firstDeadline = Date.now() + (deadline - Date.now()) / 2;
  const measure = async (consent: boolean, until: number) => {
    const clickToTable: number[] = [];
    const callbackToTable: number[] = [];
    for (let i = 0; i < runs && (i === 0 || Date.now() < until); i += 1) {
      // A reset forgets approvals and sandbox sessions: the next sign-in asks for consent again.
      if (consent) await sandboxControl(run.sandboxUrl).reset();
      const context = await newContext(browser);
      try {
        const page = await context.newPage();
        await page.addInitScript(benchInitScript(run.appUrl));
        const marks = await signInThroughSandbox(page, run.appUrl, { consent });
        clickToTable.push(marks.paintAt - marks.clickAt);
        callbackToTable.push(marks.paintAt - marks.callbackAt);
        log(`    ${consent ? 'first    ' : 'returning'} #${i + 1}: click → table ${Math.round(marks.paintAt - marks.clickAt)} ms, callback → table ${Math.round(marks.paintAt - marks.callbackAt)} ms`);
      } finally {
        await context.close();
      }
    }
    return { clickToTable: summarize(clickToTable), callbackToTable: summarize(callbackToTable) };
  };
  const first = await measure(true, firstDeadline);
  const returning = await measure(false, deadline);
  return { runs, first, returning };
}

export interface RenderingResult {
  calls: number;
  /** Calls in the table after loading every page (aria-rowcount − 1); fewer than `calls` if time ran out. */
  loadedCalls: number;
  complete: boolean;
  loadAllMs: number;
  /** From the callback navigation to the first frame with rows. */
  firstTablePaintMs: number;
  /** Longest renderer main-thread task while scrolling top to bottom (trace), in ms. */
  longestTaskMs: number;
  /** The longest such task's main-thread CPU time (less inflated by a busy machine), in ms. */
  longestTaskCpuMs: number;
  /** What ran inside the longest task (trace event names, summed ms; nested events overlap). */
  longestTaskBreakdown: string;
  /** Long tasks (≥ 50 ms) the page's PerformanceObserver reported while scrolling. */
  longTasksWhileScrolling: number;
  scrollFrames: number;
  scrollMs: number;
  /** `tr` elements in the document at the end of the scroll, and the most seen on any frame. */
  rowsInDom: number;
  maxRowsInDom: number;
  heapFirstPageBytes: number;
  heapAllCallsBytes: number;
}

const END_OF_HISTORY = "You've reached the beginning of the call history";

/** Page-side: scrolls to the end and presses "Load older calls" until the end of the history shows. */
const LOAD_ALL = `async (timeoutMs) => {
  const end = Date.now() + timeoutMs;
  const done = () => document.body.textContent.includes(${JSON.stringify(END_OF_HISTORY)});
  while (Date.now() < end) {
    if (done()) return true;
    window.scrollTo(0, document.documentElement.scrollHeight);
    const more = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Load older calls');
    if (more && !more.disabled) more.click();
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return done();
}`;

/**
 * Page-side: scrolls from the top to the bottom, `stepViewports` viewports per frame, counting rows on each
 * frame. The bottom is read once (everything is loaded, so the height stays), so the loop itself forces no
 * layout: each frame's layout happens in the browser's own rendering step, as when a person scrolls.
 */
const SCROLL_THROUGH = `async (stepViewports) => {
  const bottom = document.documentElement.scrollHeight - window.innerHeight;
  const step = Math.round(window.innerHeight * stepViewports);
  let maxRows = 0;
  let frames = 0;
  const started = performance.now();
  for (let y = 0; ; y += step) {
    window.scrollTo(0, Math.min(y, bottom));
    await new Promise((resolve) => requestAnimationFrame(() => resolve()));
    maxRows = Math.max(maxRows, document.getElementsByTagName('tr').length);
    frames += 1;
    if (y >= bottom) break;
  }
  await new Promise((resolve) => setTimeout(resolve, 300));
  return { frames, ms: performance.now() - started, started, maxRows, rows: document.getElementsByTagName('tr').length };
}`;

export async function measureRendering(
  run: AppRun,
  browser: Browser,
  { calls, loadTimeLimitMs, log }: { calls: number; loadTimeLimitMs: number; log: (line: string) => void },
): Promise<RenderingResult> {
  await sandboxControl(run.sandboxUrl).reset({ calls });
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    await page.addInitScript(benchInitScript(run.appUrl));
    const marks = await signInThroughSandbox(page, run.appUrl, { consent: true });
    const firstTablePaintMs = marks.paintAt - marks.callbackAt;
    const heapFirstPageBytes = await heapAfterGc(page);
    log(`    first table paint ${Math.round(firstTablePaintMs)} ms after the callback; heap ${(heapFirstPageBytes / 1e6).toFixed(1)} MB`);

    const loadStarted = Date.now();
    const complete = (await page.evaluate(`(${LOAD_ALL})(${loadTimeLimitMs})`)) as boolean;
    const loadAllMs = Date.now() - loadStarted;
    const loadedCalls = Number(await page.getByRole('table').first().getAttribute('aria-rowcount')) - 1;
    log(`    loaded ${loadedCalls} calls in ${(loadAllMs / 1000).toFixed(1)} s${complete ? '' : ` (time limit: the rest is measured on these)`}`);
    const heapAllCallsBytes = await heapAfterGc(page);

    await page.evaluate('window.scrollTo(0, 0)');
    await page.waitForTimeout(500);
    // 'toplevel' has the tasks; 'devtools.timeline' names what ran in them. Its disabled-by-default detail would
    // slow every frame down and is left out.
    await browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline'] });
    const scroll = (await page.evaluate(`(${SCROLL_THROUGH})(2)`)) as { frames: number; ms: number; started: number; maxRows: number; rows: number };
    const trace = await browser.stopTracing();
    const longTasks = (await page.evaluate(`window.__bench.longTasks.filter((t) => t.start >= ${scroll.started}).length`)) as number;
    const { longestMs, longestCpuMs, breakdown } = longestRendererTask(trace.toString('utf8'));
    log(
      `    scrolled ${scroll.frames} frames in ${(scroll.ms / 1000).toFixed(1)} s: longest task ${longestMs.toFixed(1)} ms (CPU ${longestCpuMs.toFixed(1)} ms: ${breakdown}), ${scroll.maxRows} rows max`,
    );

    return {
      calls,
      loadedCalls,
      complete,
      loadAllMs,
      firstTablePaintMs,
      longestTaskMs: longestMs,
      longestTaskCpuMs: longestCpuMs,
      longestTaskBreakdown: breakdown,
      longTasksWhileScrolling: longTasks,
      scrollFrames: scroll.frames,
      scrollMs: scroll.ms,
      rowsInDom: scroll.rows,
      maxRowsInDom: scroll.maxRows,
      heapFirstPageBytes,
      heapAllCallsBytes,
    };
  } finally {
    await context.close();
  }
}
