/**
 * Turns one benchmark run into figures with their comparisons (the direct call, the framework floor, the
 * budgets and targets, the previous run) and renders them as Markdown for docs/benchmarks.md and the console.
 * The run's figures are also kept as JSON at the end of the file, which is where the next run reads them.
 */
import type { RenderingResult, SignInTimings } from './browser-runs.ts';
import type { LatencyCell, Target } from './latency.ts';
import type { LighthouseScores } from './lighthouse.ts';
import { BUDGETS } from '../check-size.ts';
import { KB } from '../sizes.ts';

export interface SizeResults {
  signInJsGzip: number;
  signInJsFiles: string[];
  callsPageAllGzip: number;
  callsPageAllFiles: string[];
  allCssGzip: number;
  allJsGzip: number;
  functions: Array<{ name: string; bytes: number; gzip: number }>;
  /** The floor with React Router in declarative mode (`<BrowserRouter>`, as the app), and with its data router. */
  frameworkFloorGzip: number | null;
  frameworkFloorDataRouterGzip: number | null;
}

export interface BenchResults {
  date: string;
  commit: string | null;
  environment: { node: string; cpus: number; cpuModel: string; loadAverage: number[]; chromium: string | null };
  durationMs: number;
  settings: { signInRuns: number; latencyRequests: number; latencyCellTimeLimitMs: number; renderingCalls: number };
  sizes?: SizeResults;
  signIn?: SignInTimings;
  latency?: LatencyCell[];
  rendering?: RenderingResult;
  lighthouse?: LighthouseScores[];
  errors: Array<{ section: string; message: string }>;
  skipped: string[];
}

/** Flat figures by id: what is stored for the next run and compared with the previous one. */
export type FigureMap = Record<string, number | null>;

export const TARGETS = {
  lighthouseScore: 100,
  addedLatencyP50Ms: 5,
  longestTaskMs: 50,
  rowsInDom: 100,
  heapBytes: 60e6,
} as const;

/** What a section without figures says: skipped on request, or failed (its error is listed). */
function missing(results: BenchResults, section: string): string {
  return results.skipped.includes(section) ? '_Skipped (BENCH_SKIP)._' : '_Not measured (see Errors)._';
}

const RESULTS_MARKER = '<!-- bench-results: the figures of this run, read by the next `npm run bench` for its deltas -->';

export function figuresOf(results: BenchResults): FigureMap {
  const figures: FigureMap = {};
  const { sizes, signIn, latency, rendering, lighthouse } = results;
  if (sizes) {
    figures['size.signInJs'] = sizes.signInJsGzip;
    figures['size.callsPage'] = sizes.callsPageAllGzip;
    figures['size.css'] = sizes.allCssGzip;
    figures['size.floor'] = sizes.frameworkFloorGzip;
    figures['size.floorDataRouter'] = sizes.frameworkFloorDataRouterGzip;
    for (const fn of sizes.functions) figures[`size.fn.${fn.name}`] = fn.bytes;
  }
  if (signIn) {
    for (const kind of ['first', 'returning'] as const) {
      figures[`signIn.${kind}.clickToTable.p50`] = signIn[kind].clickToTable.p50;
      figures[`signIn.${kind}.callbackToTable.p50`] = signIn[kind].callbackToTable.p50;
    }
  }
  for (const cell of latency ?? []) {
    figures[`latency.${cell.endpoint}.${cell.target}.c${cell.concurrency}.p50`] = cell.summary.p50;
    figures[`latency.${cell.endpoint}.${cell.target}.c${cell.concurrency}.p99`] = cell.summary.p99;
  }
  if (rendering) {
    figures['render.firstTablePaint'] = rendering.firstTablePaintMs;
    figures['render.longestTask'] = rendering.longestTaskMs;
    figures['render.maxRowsInDom'] = rendering.maxRowsInDom;
    figures['render.heapAllCalls'] = rendering.heapAllCallsBytes;
    figures['render.heapFirstPage'] = rendering.heapFirstPageBytes;
    figures['render.loadAll'] = rendering.loadAllMs;
  }
  for (const lh of lighthouse ?? []) {
    figures[`lighthouse.${lh.page}.${lh.formFactor}.performance`] = lh.performance;
    figures[`lighthouse.${lh.page}.${lh.formFactor}.accessibility`] = lh.accessibility;
    figures[`lighthouse.${lh.page}.${lh.formFactor}.bestPractices`] = lh.bestPractices;
  }
  return figures;
}

/** The figures stored in a previous docs/benchmarks.md, with its date; null when there are none. */
export function readPreviousFigures(markdown: string): { date: string; figures: FigureMap } | null {
  const at = markdown.indexOf(RESULTS_MARKER);
  if (at < 0) return null;
  const block = /```json\n([\s\S]*?)\n```/.exec(markdown.slice(at));
  if (!block?.[1]) return null;
  try {
    const parsed = JSON.parse(block[1]) as { date?: unknown; figures?: unknown };
    if (typeof parsed.date !== 'string' || typeof parsed.figures !== 'object' || parsed.figures === null) return null;
    const figures: FigureMap = {};
    for (const [id, value] of Object.entries(parsed.figures)) {
      if (typeof value === 'number' || value === null) figures[id] = value;
    }
    return { date: parsed.date, figures };
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------------------

const kb = (bytes: number | null | undefined) => (bytes === null || bytes === undefined ? '–' : `${(bytes / KB).toFixed(1)} KB`);
const mb = (bytes: number | null | undefined) => (bytes === null || bytes === undefined ? '–' : `${(bytes / 1e6).toFixed(1)} MB`);
const ms = (value: number | null | undefined, digits = 0) => (value === null || value === undefined || Number.isNaN(value) ? '–' : `${value.toFixed(digits)} ms`);
const mark = (ok: boolean) => (ok ? '✅' : '❌');

function delta(previous: FigureMap | null, id: string, value: number | null | undefined, format: (v: number) => string): string {
  const before = previous?.[id];
  if (before === undefined || before === null || value === null || value === undefined) return '–';
  const change = value - before;
  const sign = change > 0 ? '+' : change < 0 ? '−' : '±';
  return `${format(before)} (${sign}${format(Math.abs(change))})`;
}

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

interface TargetLine {
  target: string;
  measured: string;
  ok: boolean;
}

function targetLines(results: BenchResults): TargetLine[] {
  const lines: TargetLine[] = [];
  for (const lh of results.lighthouse ?? []) {
    const scores = [lh.performance, lh.accessibility, lh.bestPractices];
    lines.push({
      target: `Lighthouse 100/100/100, ${lh.page} page (${lh.formFactor})`,
      measured: `${scores.map((s) => s ?? '–').join('/')}${lh.warnings.length ? ' ⚠︎' : ''}`,
      ok: scores.every((s) => s === TARGETS.lighthouseScore) && lh.warnings.length === 0,
    });
  }
  const byKey = new Map((results.latency ?? []).map((c) => [`${c.endpoint}.${c.target}.${c.concurrency}`, c]));
  for (const cell of results.latency ?? []) {
    if (cell.target === 'direct') continue;
    const direct = byKey.get(`${cell.endpoint}.direct.${cell.concurrency}`);
    if (!direct) continue;
    const added = cell.summary.p50 - direct.summary.p50;
    lines.push({
      target: `${cell.endpoint === 'token' ? 'Token function' : 'API proxy'} adds < 5 ms p50, ${cell.concurrency} client${cell.concurrency === 1 ? '' : 's'} (${TARGET_NAMES[cell.target]})`,
      measured: `+${ms(added, 2)}`,
      ok: added < TARGETS.addedLatencyP50Ms && cell.errors === 0,
    });
  }
  const r = results.rendering;
  if (r) {
    const scope = r.complete ? `${r.calls.toLocaleString('en')} calls` : `${r.loadedCalls.toLocaleString('en')} of ${r.calls.toLocaleString('en')} calls (time ran out)`;
    lines.push({
      target: `Longest task while scrolling ${scope} < 50 ms`,
      measured: ms(r.longestTaskMs, 1),
      ok: r.longestTaskMs < TARGETS.longestTaskMs && r.complete,
    });
    lines.push({ target: '≤ 100 table rows in the DOM while scrolling', measured: `${r.maxRowsInDom}`, ok: r.maxRowsInDom <= TARGETS.rowsInDom });
    lines.push({ target: `JS heap for ${scope} < 60 MB`, measured: mb(r.heapAllCallsBytes), ok: r.heapAllCallsBytes < TARGETS.heapBytes && r.complete });
  }
  const s = results.sizes;
  if (s) {
    lines.push({ target: 'Budget: sign-in page JS ≤ 100 KB gz', measured: kb(s.signInJsGzip), ok: s.signInJsGzip <= BUDGETS.signInJs });
    lines.push({ target: 'Budget: calls page JS + CSS ≤ 150 KB gz', measured: kb(s.callsPageAllGzip), ok: s.callsPageAllGzip <= BUDGETS.callsPageAll });
    lines.push({ target: 'Budget: all CSS ≤ 15 KB gz', measured: kb(s.allCssGzip), ok: s.allCssGzip <= BUDGETS.allCss });
    for (const fn of s.functions) lines.push({ target: `Budget: ${fn.name} ≤ 50 KB`, measured: kb(fn.bytes), ok: fn.bytes <= BUDGETS.functionBundle });
  }
  return lines;
}

const TARGET_NAMES: Record<Target, string> = {
  direct: 'straight to the sandbox',
  netlify: 'through netlify serve',
  function: 'function code alone',
};

export function renderMarkdown(results: BenchResults, previous: { date: string; figures: FigureMap } | null): string {
  const prev = previous?.figures ?? null;
  const out: string[] = [];
  const env = results.environment;
  out.push('# Benchmarks');
  out.push('');
  out.push(
    `Latest \`npm run bench\`: ${results.date}${results.commit ? `, commit \`${results.commit}\`` : ''}; ${(results.durationMs / 1000).toFixed(0)} s. ` +
      `Node ${env.node}, ${env.cpus} × ${env.cpuModel}, load average ${env.loadAverage.map((l) => l.toFixed(1)).join(' / ')} at the start` +
      `${env.chromium ? `, Chromium ${env.chromium} (headless)` : ''}. ` +
      `Previous run: ${previous ? previous.date : 'none'} (“previous” columns).`,
  );
  out.push('');
  out.push(
    'Everything runs on loopback against the production-like local run (`npm run serve`: `netlify serve` with the built SPA, the ' +
      'bundled functions and netlify.toml’s redirects and headers, behind a front that compresses responses as Netlify’s CDN does) ' +
      'on the Firmafon sandbox. Timings on a shared machine vary from run to run; ' +
      'compare figures of one run side by side, and runs with each other only with the load average in mind.',
  );

  out.push('', '## Targets', '');
  const targets = targetLines(results);
  out.push(targets.length ? table(['Target', 'Measured', ''], targets.map((t) => [t.target, t.measured, mark(t.ok)])) : '_No figures._');

  const s = results.sizes;
  out.push('', '## Sizes', '');
  out.push('gzip level 9, 1 KB = 1,000 bytes; pages from Vite’s build manifest (entry + static imports; the calls page adds its lazy route and that route’s static imports). Function bundles: esbuild as Netlify bundles them (ESM, Node, bundled, not minified), uncompressed.');
  out.push('');
  if (s) {
    const floor = s.frameworkFloorGzip;
    const overFloor = (v: number) => (floor === null ? '' : `; ${kb(v - floor)} above the floor`);
    out.push(
      table(
        ['Measure', 'Value', 'Compared with', 'Previous (Δ)'],
        [
          [
            'Framework floor: React + react-dom + React Query + React Router (declarative `<BrowserRouter>`, as the app), one route, one query',
            kb(floor),
            'the issue’s “about 90 KB”',
            delta(prev, 'size.floor', floor, kb),
          ],
          [
            'The same with React Router’s data router (`createBrowserRouter`)',
            kb(s.frameworkFloorDataRouterGzip),
            `the declarative floor: +${floor === null || s.frameworkFloorDataRouterGzip === null ? '–' : kb(s.frameworkFloorDataRouterGzip - floor)}`,
            delta(prev, 'size.floorDataRouter', s.frameworkFloorDataRouterGzip, kb),
          ],
          [
            'Sign-in page JS',
            kb(s.signInJsGzip),
            `budget ${kb(BUDGETS.signInJs)}${overFloor(s.signInJsGzip)}`,
            delta(prev, 'size.signInJs', s.signInJsGzip, kb),
          ],
          ['Calls page JS + CSS', kb(s.callsPageAllGzip), `budget ${kb(BUDGETS.callsPageAll)}${overFloor(s.callsPageAllGzip)}`, delta(prev, 'size.callsPage', s.callsPageAllGzip, kb)],
          ['All CSS', kb(s.allCssGzip), `budget ${kb(BUDGETS.allCss)}`, delta(prev, 'size.css', s.allCssGzip, kb)],
          ...s.functions.map((fn) => [`Function ${fn.name}`, kb(fn.bytes), `budget ${kb(BUDGETS.functionBundle)} (${kb(fn.gzip)} gzipped)`, delta(prev, `size.fn.${fn.name}`, fn.bytes, kb)]),
        ],
      ),
    );
    out.push('', `Sign-in page: ${s.signInJsFiles.join(', ')}. Calls page: ${s.callsPageAllFiles.join(', ')}.`);
  } else out.push(missing(results, 'sizes'));

  const si = results.signIn;
  out.push('', '## Sign-in to a filled table', '');
  out.push(
    `Headless Chromium, a fresh browser context per run (cold HTTP cache), ${si ? `${si.first.clickToTable.n} first and ${si.returning.clickToTable.n} returning sign-ins` : `${results.settings.signInRuns} runs of each kind`}; median (min–max). ` +
      '“Click → table”: from the click on “Sign in with Firmafon” through the sandbox’s pages (typed by Playwright) to the first frame with call rows; ' +
      '“callback → table”: from the navigation to /auth/callback to that frame. First sign-in: after a sandbox reset, login and consent; ' +
      'returning: the app already approved, login only (every sign-in after the first skips the consent).',
  );
  out.push('');
  if (si) {
    const fmt = (x: { min: number; p50: number; max: number }) => `${ms(x.p50)} (${Math.round(x.min)}–${Math.round(x.max)})`;
    out.push(
      table(
        ['Sign-in', 'Click → table', 'Callback → table', 'Previous click → table (Δ)'],
        (['first', 'returning'] as const).map((kind) => [
          kind === 'first' ? 'First (login + consent)' : 'Returning (login only)',
          fmt(si[kind].clickToTable),
          fmt(si[kind].callbackToTable),
          delta(prev, `signIn.${kind}.clickToTable.p50`, si[kind].clickToTable.p50, (v) => ms(v)),
        ]),
      ),
    );
  } else out.push(missing(results, 'sign-in'));

  out.push('', '## Added latency: token function and API proxy', '');
  out.push(
    `Each cell: up to ${results.settings.latencyRequests} requests after a warm-up (at most ${results.settings.latencyCellTimeLimitMs / 1000} s per cell), ` +
      'keep-alive connections, p50/p99 in ms. Proxy: `GET /api/firmafon/calls?limit=30` with a Bearer token vs `GET {sandbox}/api/v2/calls?limit=30`. ' +
      'Token: `POST /api/auth/token` (JSON, the dashboard’s headers) vs `POST {sandbox}/api/v2/token` (form, client credentials), each redeeming a fresh code from the ' +
      'sandbox’s authorize flow. “netlify serve”: the production-like run (its compressing front, then netlify-cli, which starts a new worker thread for every function call; real Netlify does not); ' +
      '“function code alone”: the same function modules served by a bare node:http server in a process of their own (apart from the load generator), i.e. what the function’s own code adds.',
  );
  out.push('');
  if (results.latency?.length) {
    const cells = results.latency;
    const rows: string[][] = [];
    for (const endpoint of ['proxy', 'token'] as const) {
      for (const concurrency of [...new Set(cells.map((c) => c.concurrency))]) {
        const direct = cells.find((c) => c.endpoint === endpoint && c.concurrency === concurrency && c.target === 'direct');
        for (const cell of cells.filter((c) => c.endpoint === endpoint && c.concurrency === concurrency)) {
          const added = direct && cell !== direct ? `+${ms(cell.summary.p50 - direct.summary.p50, 2)} / +${ms(cell.summary.p99 - direct.summary.p99, 2)}` : '(baseline)';
          rows.push([
            endpoint === 'token' ? 'Token' : 'Proxy',
            String(concurrency),
            TARGET_NAMES[cell.target],
            String(cell.summary.n),
            `${ms(cell.summary.p50, 2)} / ${ms(cell.summary.p99, 2)}`,
            added,
            cell.errors ? `${cell.errors} (${cell.firstError ?? ''})` : '0',
            delta(prev, `latency.${cell.endpoint}.${cell.target}.c${cell.concurrency}.p50`, cell.summary.p50, (v) => ms(v, 2)),
          ]);
        }
      }
    }
    out.push(table(['Endpoint', 'Clients', 'Path', 'n', 'p50 / p99', 'Added vs direct (p50 / p99)', 'Errors', 'Previous p50 (Δ)'], rows));
  } else out.push(missing(results, 'latency'));

  const r = results.rendering;
  out.push('', `## Rendering ${results.settings.renderingCalls.toLocaleString('en')} calls`, '');
  out.push(
    'Sandbox reset to that many calls, signed in, every page loaded (“Load older calls” / auto-load at the end of the list), then scrolled from top to bottom at two viewports per frame ' +
      '(1280 × 800). Longest task: the longest `RunTask` on the renderer main thread in a Chromium trace of the scroll, wall time (CPU time of the main thread in brackets: ' +
      'on a busy machine the wall time also counts time the thread waited for a core); long tasks: PerformanceObserver `longtask` entries (≥ 50 ms). ' +
      'Heap: CDP `Runtime.getHeapUsage` after forced garbage collection.',
  );
  out.push('');
  if (r) {
    out.push(
      table(
        ['Measure', 'Value', 'Compared with', 'Previous (Δ)'],
        [
          [
            'First table paint (callback → first frame with rows)',
            ms(r.firstTablePaintMs),
            `the same at 250 calls (sign-in, first): ${ms(si?.first.callbackToTable.p50)}`,
            delta(prev, 'render.firstTablePaint', r.firstTablePaintMs, (v) => ms(v)),
          ],
          [
            r.complete ? `Loading all ${r.loadedCalls.toLocaleString('en')} calls` : `Loading: ${r.loadedCalls.toLocaleString('en')} of ${r.calls.toLocaleString('en')} calls before the time limit`,
            ms(r.loadAllMs),
            `${Math.ceil(r.calls / 100)} pages of 100 through the proxy`,
            delta(prev, 'render.loadAll', r.loadAllMs, (v) => ms(v)),
          ],
          [
            'Longest main-thread task while scrolling',
            `${ms(r.longestTaskMs, 1)} (CPU ${ms(r.longestTaskCpuMs, 1)})`,
            `target < ${TARGETS.longestTaskMs} ms; ${r.longTasksWhileScrolling} long task(s) ≥ 50 ms in ${r.scrollFrames} frames over ${ms(r.scrollMs)}` +
              (r.longestTaskBreakdown ? `; inside the longest: ${r.longestTaskBreakdown}` : ''),
            delta(prev, 'render.longestTask', r.longestTaskMs, (v) => ms(v, 1)),
          ],
          ['Table rows (`tr`) in the DOM', `${r.maxRowsInDom} max, ${r.rowsInDom} at the end`, `target ≤ ${TARGETS.rowsInDom}; ${r.loadedCalls.toLocaleString('en')} calls in the table`, delta(prev, 'render.maxRowsInDom', r.maxRowsInDom, (v) => String(v))],
          ['JS heap after loading all calls', mb(r.heapAllCallsBytes), `target < ${mb(TARGETS.heapBytes)}; first page only: ${mb(r.heapFirstPageBytes)}`, delta(prev, 'render.heapAllCalls', r.heapAllCallsBytes, mb)],
        ],
      ),
    );
  } else out.push(missing(results, 'rendering'));

  out.push('', '## Lighthouse 12.2.3', '');
  out.push(
    'Performance, accessibility and best practices; “mobile” is Lighthouse’s default (simulated slow 4G and 4× CPU slowdown), “desktop” its desktop preset. ' +
      'The calls page is audited signed in: the bench signs in, Lighthouse’s navigation of /calls loses the in-memory token and the app resumes the session through the sandbox ' +
      '(/calls → Firmafon’s authorize → /auth/callback → /calls, which Lighthouse notes as a redirect), so its figures are those of opening or reloading /calls; Lighthouse waits ' +
      'for 3 s of network and CPU quiet there (default 1 s) so that the audit ends on the filled table. A ⚠︎ marks a run that did not end on /calls with the calls loaded. The app run serves the page’s API calls on the same cores as the browser (netlify-cli starts a worker thread for each function call), so on a machine with few cores the calls page’s tasks also wait for a core, which Lighthouse counts as blocking time; a deployed site’s functions run elsewhere.',
  );
  out.push('');
  if (results.lighthouse?.length) {
    out.push(
      table(
        ['Page', 'Form factor', 'Performance', 'Accessibility', 'Best practices', 'FCP / LCP / TBT / CLS', 'Compared with', 'Previous (Δ perf.)'],
        results.lighthouse.map((lh) => [
          lh.page === 'sign-in' ? 'Sign-in (/)' : 'Calls (/calls)',
          lh.formFactor,
          String(lh.performance ?? '–'),
          String(lh.accessibility ?? '–'),
          String(lh.bestPractices ?? '–'),
          `${ms(lh.metrics.fcpMs)} / ${ms(lh.metrics.lcpMs)} / ${ms(lh.metrics.tbtMs)} / ${lh.metrics.cls?.toFixed(3) ?? '–'}`,
          `target 100/100/100${lh.warnings.length ? ` ⚠︎ ${lh.warnings.join('; ')}` : ''}`,
          delta(prev, `lighthouse.${lh.page}.${lh.formFactor}.performance`, lh.performance, (v) => String(v)),
        ]),
      ),
    );
    out.push('');
    for (const lh of results.lighthouse) {
      const details = [...lh.diagnostics, ...lh.notes.map((note) => `Lighthouse: ${note}`)];
      if (details.length) out.push(`- ${lh.page === 'sign-in' ? 'Sign-in' : 'Calls'} page, ${lh.formFactor}: ${details.join('; ')}.`);
    }
  } else out.push(missing(results, 'lighthouse'));

  if (results.errors.length) {
    out.push('', '## Errors', '');
    for (const error of results.errors) out.push(`- **${error.section}**: ${error.message.replace(/\n/g, ' ')}`);
  }

  out.push('', '## How to run', '');
  out.push(
    '`npm run bench` (after `npm ci`; needs Chromium at /usr/bin/chromium or CHROMIUM_PATH). It builds, starts its own production-like run on free ports, ' +
      'stops by itself (a watchdog ends it after BENCH_TIME_LIMIT_S, default 600 s) and rewrites this file. Settings: BENCH_RUNS (sign-ins per kind, 7), ' +
      'BENCH_REQUESTS (per latency cell, 500), BENCH_CALLS (10000), BENCH_SKIP (comma-separated: sizes, sign-in, latency, rendering, lighthouse), BENCH_LIGHTHOUSE_REPORTS (a directory to keep Lighthouse’s full JSON reports in). ' +
      'Do not run it while another `netlify serve` runs from the same checkout: netlify-cli shares `.netlify/` between them. The size budgets alone: `npm run check:size` (part of `npm test`).',
  );

  out.push('', RESULTS_MARKER, '', '```json', JSON.stringify({ date: results.date, figures: figuresOf(results), results }, null, 1), '```', '');
  return out.join('\n');
}

/** The Markdown without the stored JSON, for the console. */
export function consoleReport(markdown: string): string {
  const at = markdown.indexOf(RESULTS_MARKER);
  return at < 0 ? markdown : markdown.slice(0, at).trimEnd();
}
