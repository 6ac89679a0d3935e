/**
 * docs/benchmarks.md as a template over one run's results (results.ts): each section is a small function from the
 * results and the previous run's figures to Markdown; the figures themselves go, as JSON, at the end.
 */
import { DEFAULT_CALLS } from '../../sandbox/server.ts';
import { BUDGETS } from '../check-size.ts';
import { KB } from '../sizes.ts';
import {
  authCodeVerdict,
  COLD_LOAD_TARGETS,
  PEER_AUTH_LIBRARIES,
  RELOAD_STEPS,
  reloadPhases,
  reloadSteps,
  reloadVerdict,
  sequentialTrips,
  tripsInRequests,
} from './cold-load.ts';
import type { Target } from './latency.ts';
import type { EventToScreen } from './live-updates.ts';
import {
  figuresOf,
  RESULTS_MARKER,
  summarizeAudit,
  TARGETS,
  tooBusy,
  type BenchResults,
  type LighthouseSummary,
  type PreviousRun,
  type Range,
} from './results.ts';

// ---------------------------------------------------------------------------------------------------------
// Small helpers

type Value = number | null | undefined;
const known = (v: Value): v is number => v !== null && v !== undefined && !Number.isNaN(v);
const kb = (v: Value) => (known(v) ? `${(v / KB).toFixed(1)} KB` : '–');
const mb = (v: Value) => (known(v) ? `${(v / 1e6).toFixed(1)} MB` : '–');
const ms = (v: Value, digits = 0) => (known(v) ? `${v.toFixed(digits)} ms` : '–');
const num = (v: Value) => (known(v) ? String(v) : '–');
const mark = (ok: boolean) => (ok ? '✅' : '❌');
const calls = (n: number) => n.toLocaleString('en');
/** A load-average range with one decimal. */
const spread1 = (r: Range) => (r.min === r.max ? (r.max?.toFixed(1) ?? '–') : `${r.min?.toFixed(1) ?? '–'}–${r.max?.toFixed(1) ?? '–'}`);
const spread = (r: Range, format: (v: Value) => string = num) => (r.min === r.max ? format(r.p50) : `${format(r.p50)} (${num(r.min)}–${num(r.max)})`);

/** `previous (±change)` for the figure `id`, or – when either side is missing. */
function delta(previous: PreviousRun, id: string, value: Value, format: (v: number) => string): string {
  const before = previous?.figures[id];
  if (!known(before) || !known(value)) return '–';
  const change = value - before;
  return `${format(before)} (${change > 0 ? '+' : change < 0 ? '−' : '±'}${format(Math.abs(change))})`;
}

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** A section: its heading, its explanation, and its table (or why there is none). */
function section(title: string, about: string, body: string | null, results: BenchResults, name: string): string {
  const none = results.skipped.includes(name) ? '_Skipped (BENCH_SKIP)._' : '_Not measured (see Errors)._';
  return [`## ${title}`, about, body ?? none].filter(Boolean).join('\n\n');
}

const TARGET_NAMES: Record<Target, string> = {
  direct: 'straight to the sandbox',
  netlify: 'through netlify serve',
  function: 'function code alone',
};

const pageName = (lh: LighthouseSummary) =>
  lh.audit.page === 'sign-in' ? 'Sign-in (/)' : `Calls (/calls, ${calls(lh.audit.calls ?? 0)} calls)`;

// ---------------------------------------------------------------------------------------------------------
// The sections

interface Context {
  results: BenchResults;
  previous: PreviousRun;
  lighthouse: LighthouseSummary[];
}

function header({ results, previous }: Context): string {
  const env = results.environment;
  return `# Benchmarks

Latest \`npm run bench\`: ${results.date}${results.commit ? `, commit \`${results.commit}\`` : ''}; ${(results.durationMs / 1000).toFixed(0)} s. \
Node ${env.node}, ${env.cpus} × ${env.cpuModel}, load average ${env.loadAverage.map((l) => l.toFixed(1)).join(' / ')} at the start\
${env.chromium ? `, Chromium ${env.chromium} (headless)` : ''}. Previous run: ${previous ? previous.date : 'none'} (“previous” columns).

Everything runs on loopback against the production-like local run (\`npm run serve\`: \`netlify serve\` with the built SPA, the \
bundled functions and netlify.toml’s redirects and headers, behind a front that compresses responses as Netlify’s CDN does) \
on the Firmafon sandbox. Timings on a shared machine vary from run to run; compare figures of one run side by side, and runs \
with each other only with the load average in mind.`;
}

function targets({ results, lighthouse }: Context): string {
  const rows: Array<[string, string, boolean]> = [];
  for (const lh of lighthouse) {
    const scores = [lh.performance.p50, lh.accessibility.p50, lh.bestPractices.p50];
    rows.push([
      `Lighthouse 100/100/100, ${lh.audit.page === 'sign-in' ? 'sign-in page' : `calls page with ${calls(lh.audit.calls ?? 0)} calls`} (${lh.audit.formFactor}, median)`,
      `${scores.map(num).join('/')}${lh.warnings.length ? ' ⚠︎' : ''}${tooBusy(lh, results.environment.cpus) ? ' (machine too busy)' : ''}`,
      scores.every((s) => s === TARGETS.lighthouseScore) && lh.warnings.length === 0,
    ]);
  }
  const cells = results.latency ?? [];
  for (const cell of cells.filter((c) => c.target !== 'direct')) {
    const direct = cells.find((c) => c.target === 'direct' && c.endpoint === cell.endpoint && c.concurrency === cell.concurrency);
    if (!direct) continue;
    const added = cell.summary.p50 - direct.summary.p50;
    const who = `${cell.concurrency} client${cell.concurrency === 1 ? '' : 's'} (${TARGET_NAMES[cell.target]})`;
    rows.push([`${cell.endpoint === 'token' ? 'Token function' : 'API proxy'} adds < 5 ms p50, ${who}`, `+${ms(added, 2)}`, added < TARGETS.addedLatencyP50Ms && cell.errors === 0]);
  }
  const r = results.rendering;
  if (r) {
    const scope = r.complete ? `${calls(r.calls)} calls` : `${calls(r.loadedCalls)} of ${calls(r.calls)} calls (time ran out)`;
    rows.push([`Longest task while scrolling ${scope} < 50 ms`, ms(r.longestTaskMs, 1), r.longestTaskMs < TARGETS.longestTaskMs && r.complete]);
    rows.push(['≤ 100 table rows in the DOM while scrolling', `${r.maxRowsInDom}`, r.maxRowsInDom <= TARGETS.rowsInDom]);
    rows.push([`JS heap for ${scope} < 60 MB`, mb(r.heapAllCallsBytes), r.heapAllCallsBytes < TARGETS.heapBytes && r.complete]);
  }
  const s = results.sizes;
  if (s) {
    rows.push(['Budget: sign-in page JS ≤ 100 KB gz', kb(s.signInJsGzip), s.signInJsGzip <= BUDGETS.signInJs]);
    rows.push(['Budget: calls page JS + CSS ≤ 150 KB gz', kb(s.callsPageAllGzip), s.callsPageAllGzip <= BUDGETS.callsPageAll]);
    rows.push(['Budget: all CSS ≤ 15 KB gz', kb(s.allCssGzip), s.allCssGzip <= BUDGETS.allCss]);
    for (const fn of s.functions) rows.push([`Budget: ${fn.name} ≤ 50 KB`, kb(fn.bytes), fn.bytes <= BUDGETS.functionBundle]);
  }
  return `## Targets\n\n${rows.length ? table(['Target', 'Measured', ''], rows.map(([t, m, ok]) => [t, m, mark(ok)])) : '_No figures._'}`;
}

/** ✅/❌, or – when the figure is missing. */
const verdict = (ok: boolean | null) => (ok === null ? '–' : mark(ok));
const fmtSummary = (x: { n: number; min: number; p50: number; max: number }) => (x.n ? `${ms(x.p50)} (${Math.round(x.min)}–${Math.round(x.max)}, n = ${x.n})` : '–');
const loadRange = (r: { min: number; max: number }) => (r.min === r.max ? r.min.toFixed(1) : `${r.min.toFixed(1)}–${r.max.toFixed(1)}`);
const fasterOrSlower = (fraction: number) => (fraction >= 0 ? `${Math.round(fraction * 100)} % faster` : `${Math.round(-fraction * 100)} % slower`);

function coldLoad({ results, lighthouse }: Context): string {
  const cpus = results.environment.cpus;
  const busy = (r: { max: number } | undefined) => (r && r.max > cpus ? ` The load average reached ${r.max.toFixed(1)} on ${cpus} cores: the machine was too busy for the timings to mean much.` : '');
  const rows: Array<[string, string, boolean | null, string]> = [];

  // Lighthouse (the lighthouse section's medians).
  const lhTargets: Array<[string, number | null, 'mobile' | 'desktop', number]> = [
    ['sign-in page', null, 'mobile', COLD_LOAD_TARGETS.signIn],
    ['sign-in page', null, 'desktop', COLD_LOAD_TARGETS.signIn],
    ...[DEFAULT_CALLS, results.settings.renderingCalls].flatMap((n): Array<[string, number, 'mobile' | 'desktop', number]> => [
      [`/calls cold load with the resume bounce, ${calls(n)} calls`, n, 'mobile', COLD_LOAD_TARGETS.callsMobile],
      [`/calls cold load with the resume bounce, ${calls(n)} calls`, n, 'desktop', COLD_LOAD_TARGETS.callsDesktop],
    ]),
  ];
  for (const [what, n, formFactor, target] of lhTargets) {
    const lh = lighthouse.find((l) => l.audit.formFactor === formFactor && (n === null ? l.audit.page === 'sign-in' : l.audit.page === 'calls' && l.audit.calls === n));
    const name = `Lighthouse performance ≥ ${target}, ${what} (${formFactor}, median of ${results.settings.lighthouseRuns})`;
    if (!lh || lh.performance.p50 === null) {
      rows.push([name, results.skipped.includes('lighthouse') ? 'not measured in this run (skipped)' : 'not measured', null, '']);
      continue;
    }
    const met = lh.performance.p50 >= target && lh.warnings.length === 0;
    const why = met
      ? ''
      : `median run: FCP ${ms(lh.metrics.fcpMs)}, LCP ${ms(lh.metrics.lcpMs)}, TBT ${ms(lh.metrics.tbtMs)}, CLS ${lh.metrics.cls?.toFixed(3) ?? '–'}` +
        `${lh.medianRun?.diagnostics.length ? `; Lighthouse: ${lh.medianRun.diagnostics.join('; ')}` : ''}${lh.warnings.length ? `; ⚠︎ ${lh.warnings.join('; ')}` : ''}` +
        `${tooBusy(lh, cpus) ? `; load average ${spread1(lh.loadAverage)} on ${cpus} cores (machine too busy)` : ''}`;
    rows.push([name, `${spread(lh.performance)}, load ${spread1(lh.loadAverage)}`, met, why]);
  }

  // JS before the redirect: the build's figure and a real browser's.
  const designs = results.reload?.designs ?? [];
  const current = designs.find((d) => d.name === 'new');
  const old = designs.find((d) => d.name === 'old');
  {
    const build = results.sizes?.beforeRedirectJsGzip;
    const browser = current?.jsBeforeRedirect;
    const parts = [
      known(build) ? `${kb(build)} in the build (gzip 9: ${results.sizes?.beforeRedirectJsFiles?.join(', ') ?? ''})` : null,
      browser ? `${kb(browser.bodyBytes)} over the wire in Chromium (${browser.files.length} file${browser.files.length === 1 ? '' : 's'}, cleared cache${browser.redirected ? '' : ', did not leave for Firmafon'})` : null,
      old ? `old design: ${kb(old.jsBeforeRedirect.bodyBytes)} in ${old.jsBeforeRedirect.files.length} file${old.jsBeforeRedirect.files.length === 1 ? '' : 's'}` : null,
    ].filter(Boolean);
    const figures = [build, browser?.bodyBytes].filter(known);
    const met = figures.length ? figures.every((v) => v <= COLD_LOAD_TARGETS.beforeRedirectJs) && (browser?.redirected ?? true) : null;
    const why = met === false ? `scripts loaded before leaving: ${(browser?.files ?? []).map((f) => `${f.path} ${kb(f.bodyBytes)}`).join(', ') || (results.sizes?.beforeRedirectJsFiles ?? []).join(', ')}` : '';
    rows.push([`JS downloaded before the redirect to Firmafon on a reload ≤ ${kb(COLD_LOAD_TARGETS.beforeRedirectJs)} gzip`, parts.join('; ') || 'not measured', met, why]);
  }

  // Reload → table, old and new.
  const reloadName = `Reload of /calls → filled table, median of ${results.settings.reloadRuns ?? 7}, CPU ×${results.reload?.cpuThrottling ?? 4}: ≥ ${Math.round(COLD_LOAD_TARGETS.reloadFaster * 100)} % faster than the old design`;
  if (current && old && current.table.n && old.table.n) {
    const v = reloadVerdict(old, current);
    rows.push([reloadName, `new ${fmtSummary(current.table)}; old ${fmtSummary(old.table)}: ${fasterOrSlower(v.change)}`, v.met, `${v.why}.${busy({ max: Math.max(current.loadAverage.max, old.loadAverage.max) })}`]);
  } else {
    rows.push([reloadName, current?.table.n ? `new ${fmtSummary(current.table)}; old design not measured` : 'not measured', null, results.settings.baselineCommit ? '' : 'no old design in this run (BENCH_BASELINE_COMMIT unset)']);
  }

  // Our own auth code.
  const auth = results.authCode;
  if (auth) {
    const v = authCodeVerdict(auth.current);
    const before = auth.baseline ? `; at ${auth.baseline.commit}: ${kb(auth.baseline.gzip)}` : '';
    rows.push([`Our own SPA auth code ≤ ${kb(COLD_LOAD_TARGETS.authCode)} gzip`, `${kb(auth.current.gzip)}${before}`, v.met, v.why]);
  } else {
    rows.push([`Our own SPA auth code ≤ ${kb(COLD_LOAD_TARGETS.authCode)} gzip`, 'not measured', null, '']);
  }

  // The size budgets of npm test.
  const s = results.sizes;
  if (s) {
    const budgets: Array<[string, number | undefined, number]> = [
      ['before the redirect', s.beforeRedirectJsGzip, BUDGETS.beforeRedirectJs],
      ['sign-in page', s.signInJsGzip, BUDGETS.signInJs],
      ['calls page', s.callsPageAllGzip, BUDGETS.callsPageAll],
      ['CSS', s.allCssGzip, BUDGETS.allCss],
      ...s.functions.map((fn): [string, number, number] => [fn.name.replace(/^functions\//, ''), fn.bytes, BUDGETS.functionBundle]),
    ];
    const over = budgets.filter(([, v, limit]) => known(v) && v > limit);
    rows.push([
      'Size budgets of `npm test` hold (as they were, or tighter)',
      budgets.map(([name, v, limit]) => `${name} ${kb(v)} / ${kb(limit)}`).join('; '),
      over.length === 0,
      over.map(([name, v, limit]) => `${name} is ${kb(v)}, over its ${kb(limit)}`).join('; '),
    ]);
  }

  const targetsTable = table(['Target (issue #15)', 'Measured', '', 'Why, where missed (measured)'], rows.map(([t, m, ok, why]) => [t, m, verdict(ok), why]));

  // Details: the reloads, the trips to Firmafon, the auth code.
  const details: string[] = [];
  if (designs.length) {
    details.push(
      table(
        ['Design', 'Reload → table', 'Before leaving', 'Bounce through Firmafon', 'Callback → table', 'JS before leaving (cleared cache)', 'Load average'],
        designs.map((d) => {
          const p = reloadPhases(d);
          return [
            `${d.name}: ${d.label}`,
            fmtSummary(d.table),
            ms(p.beforeLeavingMs),
            ms(p.bounceMs),
            ms(p.callbackToTableMs),
            `${kb(d.jsBeforeRedirect.bodyBytes)} (${d.jsBeforeRedirect.files.map((f) => f.path.replace(/^\/assets\//, '')).join(', ') || 'none'})`,
            d.samples.length ? loadRange(d.loadAverage) : '–',
          ];
        }),
      ),
    );
    const steps = designs.map((d) => reloadSteps(d));
    details.push(
      `Where a reload’s time goes, step by step (median of each step over the reloads, from the browser’s network events and the page’s marks):\n\n${table(
        ['Step', ...designs.map((d) => d.name)],
        RELOAD_STEPS.map((step, i) => [step, ...steps.map((list) => ms(list[i]?.ms))]),
      )}`,
    );
  }
  const trips = results.firmafonTrips;
  if (trips) {
    const delay = COLD_LOAD_TARGETS.firmafonDelayMs;
    const count = sequentialTrips(trips, delay);
    const inRequests = tripsInRequests(trips, delay);
    const signed = (v: number) => `${v >= 0 ? '+' : '−'}${ms(Math.abs(v))}`;
    details.push(
      `${table(
        ['Delay per Firmafon answer', 'Callback → table', 'Token request', 'Data requests (first sent → last answered)'],
        trips.cells.map((c) => [
          `${c.latencyMs} ms${c.latencyMs === delay ? ' (90 ms each way, US–Denmark)' : ''}`,
          fmtSummary(c.callbackToTable),
          fmtSummary(c.token),
          fmtSummary(c.data),
        ]),
      )}\n\n${
        count
          ? `The delay added ${ms(count.extraMs)} to the median callback → table: ${count.trips.toFixed(1)} × ${delay} ms, i.e. about ${Math.max(0, Math.round(count.trips))} trip(s) to Firmafon one after another (expected 2: the token exchange, then the employee and the first calls page in parallel).`
          : 'Too few sign-ins for a difference.'
      }${
        inRequests
          ? ` In the browser’s network events (less disturbed by the CPU): the token request ${signed(inRequests.tokenExtraMs)}, the data requests ${signed(inRequests.dataExtraMs)}, together ${inRequests.trips.toFixed(1)} × ${delay} ms.`
          : ''
      } Load average ${loadRange(trips.loadAverage)}.${busy(trips.loadAverage)}`,
    );
  }
  if (auth) {
    details.push(
      table(
        ['Auth code', 'Minified', 'gzip', 'Source'],
        [
          ['Ours, this commit', kb(auth.current.bytes), kb(auth.current.gzip), `measured; external: ${auth.current.external.join(', ') || 'none'}`],
          ...(auth.baseline ? [[`Ours at ${auth.baseline.commit}`, kb(auth.baseline.bytes), kb(auth.baseline.gzip), `measured; external: ${auth.baseline.external.join(', ') || 'none'}`]] : []),
          ...PEER_AUTH_LIBRARIES.map((peer) => [peer.name, '–', kb(peer.gzip), 'figure quoted in issue #15, not measured here']),
        ],
      ),
    );
  }

  const reloadRuns = results.settings.reloadRuns ?? 7;
  return section(
    'Cold load (#15 targets)',
    `Each target of issue #15 with this run’s figure. Lighthouse: the medians of the Lighthouse section. JS before the redirect: the first script’s chunks in the build (Vite’s manifest, gzip 9), \
and in headless Chromium the compressed bodies of the scripts requested before the navigation to the sandbox’s authorize URL (CDP Network events), on a reload of /calls with the HTTP cache cleared. \
Reload → table: a browser context per design signed in once through its own sandbox (which then remembers the approval and the session), the CPU throttled ×${results.reload?.cpuThrottling ?? 4} (CDP \`Emulation.setCPUThrottlingRate\`), \
then ${reloadRuns} reloads of /calls per design, old and new interleaved so the machine’s load falls on both alike, each from the reload’s navigation start to the first frame with call rows \
(after one untimed reload with a cleared cache, so the timed ones have the warm cache of a reload). The old design is ${results.settings.baselineCommit ? `commit \`${results.settings.baselineCommit}\` (before the first script), built and served in this run by its own app run (its SPA, functions and sandbox) on the same machine` : 'not measured in this run'}. \
Phases (medians): before leaving = reload → the navigation to Firmafon; bounce = that → the callback document received; callback → table = the rest; the steps within them come from CDP Network events. \
Every /api/* request (config, token, data) goes through netlify-cli, which starts a worker thread for each function call (the Added latency section measures what that adds); a deployed site’s functions do not, so steps that are such requests are longer here than in production. \
Trips to Firmafon: returning sign-ins (fresh context each) with the sandbox’s \`latencyMs\` at 0 and ${COLD_LOAD_TARGETS.firmafonDelayMs} ms on every token and REST answer, interleaved; from the navigation to /auth/callback to the first frame with rows. \
Auth code: esbuild (minified ESM for browsers, packages external) of an entry re-exporting \`start-sign-in\`, \`callback-url\`, \`complete-sign-in\` and \`session-hint\` (web/src/features/auth/model) with what they import of ours, gzip 9.`,
    [targetsTable, ...details].join('\n\n'),
    results,
    'reload',
  );
}

function sizes({ results, previous }: Context): string {
  const s = results.sizes;
  const body = s
    ? (() => {
        const floor = s.frameworkFloorGzip;
        const overFloor = (v: number) => (floor === null ? '' : `; ${kb(v - floor)} above the floor`);
        const dataRouterExtra = floor === null || s.frameworkFloorDataRouterGzip === null ? '–' : kb(s.frameworkFloorDataRouterGzip - floor);
        const rows = [
          ['Framework floor: React + react-dom + React Query + React Router (declarative `<BrowserRouter>`, as the app), one route, one query', kb(floor), 'the issue’s “about 90 KB”', delta(previous, 'size.floor', floor, kb)],
          ['The same with React Router’s data router (`createBrowserRouter`)', kb(s.frameworkFloorDataRouterGzip), `the declarative floor: +${dataRouterExtra}`, delta(previous, 'size.floorDataRouter', s.frameworkFloorDataRouterGzip, kb)],
          ['Sign-in page JS', kb(s.signInJsGzip), `budget ${kb(BUDGETS.signInJs)}${overFloor(s.signInJsGzip)}`, delta(previous, 'size.signInJs', s.signInJsGzip, kb)],
          ['Calls page JS + CSS', kb(s.callsPageAllGzip), `budget ${kb(BUDGETS.callsPageAll)}${overFloor(s.callsPageAllGzip)}`, delta(previous, 'size.callsPage', s.callsPageAllGzip, kb)],
          ['All CSS', kb(s.allCssGzip), `budget ${kb(BUDGETS.allCss)}`, delta(previous, 'size.css', s.allCssGzip, kb)],
          ...(s.statisticsRouteGzip === undefined
            ? []
            : [['Statistics route, added JS + CSS (lazy, with its charts)', kb(s.statisticsRouteGzip), 'no budget; loaded only on /statistics', delta(previous, 'size.statisticsRoute', s.statisticsRouteGzip, kb)]]),
          ...(s.teamRouteGzip === undefined
            ? []
            : [
                [
                  'Team route, added JS + CSS (lazy)',
                  kb(s.teamRouteGzip),
                  `no budget; after the calls page: ${kb(s.teamRouteAfterCallsGzip)}`,
                  delta(previous, 'size.teamRoute', s.teamRouteGzip, kb),
                ],
              ]),
          ...(s.fayeClientGzip === undefined
            ? []
            : [['Faye client (live updates; a <script> added at run time)', kb(s.fayeClientGzip), 'no budget; on every signed-in page once it subscribes', delta(previous, 'size.fayeClient', s.fayeClientGzip, kb)]]),
          ...s.functions.map((fn) => [`Function ${fn.name}`, kb(fn.bytes), `budget ${kb(BUDGETS.functionBundle)} (${kb(fn.gzip)} gzipped)`, delta(previous, `size.fn.${fn.name}`, fn.bytes, kb)]),
        ];
        const statisticsFiles = s.statisticsRouteFiles ? ` Statistics route adds: ${s.statisticsRouteFiles.join(', ')}.` : '';
        const teamFiles = s.teamRouteFiles ? ` Team route adds: ${s.teamRouteFiles.join(', ')}.` : '';
        return `${table(['Measure', 'Value', 'Compared with', 'Previous (Δ)'], rows)}\n\nSign-in page: ${s.signInJsFiles.join(', ')}. Calls page: ${s.callsPageAllFiles.join(', ')}.${statisticsFiles}${teamFiles}`;
      })()
    : null;
  return section(
    'Sizes',
    'gzip level 9, 1 KB = 1,000 bytes; pages from Vite’s build manifest (entry + static imports; the calls page adds its lazy route and that route’s static imports). Function bundles: esbuild as Netlify bundles them (ESM, Node, bundled, not minified), uncompressed.',
    body,
    results,
    'sizes',
  );
}

function signIn({ results, previous }: Context): string {
  const si = results.signIn;
  const runs = si ? `${si.first.clickToTable.n} first and ${si.returning.clickToTable.n} returning sign-ins` : `${results.settings.signInRuns} runs of each kind`;
  const fmt = (x: { min: number; p50: number; max: number }) => `${ms(x.p50)} (${Math.round(x.min)}–${Math.round(x.max)})`;
  const body = si
    ? table(
        ['Sign-in', 'Click → table', 'Callback → table', 'Previous click → table (Δ)'],
        (['first', 'returning'] as const).map((kind) => [
          kind === 'first' ? 'First (login + consent)' : 'Returning (login only)',
          fmt(si[kind].clickToTable),
          fmt(si[kind].callbackToTable),
          delta(previous, `signIn.${kind}.clickToTable.p50`, si[kind].clickToTable.p50, (v) => ms(v)),
        ]),
      )
    : null;
  return section(
    'Sign-in to a filled table',
    `Headless Chromium, a fresh browser context per run (cold HTTP cache), ${runs}; median (min–max). \
“Click → table”: from the click on “Sign in with Firmafon” through the sandbox’s pages (typed by Playwright) to the first frame with call rows; \
“callback → table”: from the navigation to /auth/callback to that frame. First sign-in: after a sandbox reset, login and consent; \
returning: the app already approved, login only (every sign-in after the first skips the consent).`,
    body,
    results,
    'sign-in',
  );
}

function latency({ results, previous }: Context): string {
  const cells = results.latency ?? [];
  const rows = (['proxy', 'token'] as const).flatMap((endpoint) =>
    [...new Set(cells.map((c) => c.concurrency))].flatMap((concurrency) => {
      const group = cells.filter((c) => c.endpoint === endpoint && c.concurrency === concurrency);
      const direct = group.find((c) => c.target === 'direct');
      return group.map((cell) => [
        endpoint === 'token' ? 'Token' : 'Proxy',
        String(concurrency),
        TARGET_NAMES[cell.target],
        String(cell.summary.n),
        `${ms(cell.summary.p50, 2)} / ${ms(cell.summary.p99, 2)}`,
        direct && cell !== direct ? `+${ms(cell.summary.p50 - direct.summary.p50, 2)} / +${ms(cell.summary.p99 - direct.summary.p99, 2)}` : '(baseline)',
        cell.errors ? `${cell.errors} (${cell.firstError ?? ''})` : '0',
        delta(previous, `latency.${cell.endpoint}.${cell.target}.c${cell.concurrency}.p50`, cell.summary.p50, (v) => ms(v, 2)),
      ]);
    }),
  );
  const { latencyRequests, latencyCellTimeLimitMs } = results.settings;
  return section(
    'Added latency: token function and API proxy',
    `Each cell: up to ${latencyRequests} requests after a warm-up (at most ${latencyCellTimeLimitMs / 1000} s per cell), \
keep-alive connections, p50/p99 in ms. Proxy: \`GET /api/firmafon/calls?limit=30\` with a Bearer token vs \`GET {sandbox}/api/v2/calls?limit=30\`. \
Token: \`POST /api/auth/token\` (JSON, the dashboard’s headers) vs \`POST {sandbox}/api/v2/token\` (form, client credentials), each redeeming a fresh code from the \
sandbox’s authorize flow. “netlify serve”: the production-like run (its compressing front, then netlify-cli, which starts a new worker thread for every function call; real Netlify does not); \
“function code alone”: the same function modules served by a bare node:http server in a process of their own (apart from the load generator), i.e. what the function’s own code adds.`,
    rows.length ? table(['Endpoint', 'Clients', 'Path', 'n', 'p50 / p99', 'Added vs direct (p50 / p99)', 'Errors', 'Previous p50 (Δ)'], rows) : null,
    results,
    'latency',
  );
}

function rendering({ results, previous }: Context): string {
  const r = results.rendering;
  const body = r
    ? table(
        ['Measure', 'Value', 'Compared with', 'Previous (Δ)'],
        [
          ['First table paint (callback → first frame with rows)', ms(r.firstTablePaintMs), `the same at 250 calls (sign-in, first): ${ms(results.signIn?.first.callbackToTable.p50)}`, delta(previous, 'render.firstTablePaint', r.firstTablePaintMs, (v) => ms(v))],
          [
            r.complete ? `Loading all ${calls(r.loadedCalls)} calls` : `Loading: ${calls(r.loadedCalls)} of ${calls(r.calls)} calls before the time limit`,
            ms(r.loadAllMs),
            `${Math.ceil(r.calls / 100)} pages of 100 through the proxy`,
            delta(previous, 'render.loadAll', r.loadAllMs, (v) => ms(v)),
          ],
          [
            'Longest main-thread task while scrolling',
            `${ms(r.longestTaskMs, 1)} (CPU ${ms(r.longestTaskCpuMs, 1)})`,
            `target < ${TARGETS.longestTaskMs} ms; ${r.longTasksWhileScrolling} long task(s) ≥ 50 ms in ${r.scrollFrames} frames over ${ms(r.scrollMs)}` +
              (r.longestTaskBreakdown ? `; inside the longest: ${r.longestTaskBreakdown}` : ''),
            delta(previous, 'render.longestTask', r.longestTaskMs, (v) => ms(v, 1)),
          ],
          ['Table rows (`tr`) in the DOM', `${r.maxRowsInDom} max, ${r.rowsInDom} at the end`, `target ≤ ${TARGETS.rowsInDom}; ${calls(r.loadedCalls)} calls in the table`, delta(previous, 'render.maxRowsInDom', r.maxRowsInDom, (v) => String(v))],
          ['JS heap after loading all calls', mb(r.heapAllCallsBytes), `target < ${mb(TARGETS.heapBytes)}; first page only: ${mb(r.heapFirstPageBytes)}`, delta(previous, 'render.heapAllCalls', r.heapAllCallsBytes, mb)],
        ],
      )
    : null;
  return section(
    `Rendering ${calls(results.settings.renderingCalls)} calls`,
    'Sandbox reset to that many calls, signed in, every page loaded (“Load older calls” / auto-load at the end of the list), then scrolled from top to bottom at two viewports per frame \
(1280 × 800). Longest task: the longest `RunTask` on the renderer main thread in a Chromium trace of the scroll, wall time (CPU time of the main thread in brackets: \
on a busy machine the wall time also counts time the thread waited for a core); long tasks: PerformanceObserver `longtask` entries (≥ 50 ms). \
Heap: CDP `Runtime.getHeapUsage` after forced garbage collection.',
    body,
    results,
    'rendering',
  );
}

const seconds = (v: Value) => (known(v) ? `${(v / 1000).toFixed(2)} s` : '–');
const timing = (summary: { p50: number; min: number; max: number; n: number }) =>
  summary.n > 1 ? `${seconds(summary.p50)} (${seconds(summary.min)}–${seconds(summary.max)})` : seconds(summary.p50);

function statisticsSection({ results, previous }: Context): string {
  const st = results.statistics;
  const body = st
    ? table(
        ['Way', 'Median (min–max)', 'Requests', 'Previous median (Δ)'],
        [
          ['Sequential inclusive cursor over the whole period', timing(st.sequential.summary), `${st.sequential.requests}, one at a time`, delta(previous, 'statistics.sequential.p50', st.sequential.summary.p50, seconds)],
          [
            `Day windows in parallel (the statistics page)`,
            timing(st.windows.summary),
            `${st.windows.requests}, ${st.windows.concurrency} at a time`,
            delta(previous, 'statistics.windows.p50', st.windows.summary.p50, seconds),
          ],
        ],
      ) +
      `\n\n${calls(st.callsInPeriod)} calls from ${st.from} to ${st.to} (${st.days} day windows), ${st.runs} run${st.runs === 1 ? '' : 's'} of each way; both loaded exactly the same calls. ` +
      `Windows in parallel: ${(st.sequential.summary.p50 / st.windows.summary.p50).toFixed(1)}× faster.`
    : null;
  return section(
    `Statistics: a month of ${calls(results.settings.statisticsCalls ?? 15_000)} calls at ${results.settings.statisticsLatencyMs ?? 150} ms per request`,
    'An in-process sandbox with that many calls over its last 30 days, every API answer delayed by the given latency (a distant Firmafon). Both ways run the SPA’s own paging code in Node \
(web/src/features/statistics/testing/load-bench.node.ts), straight to the sandbox (not through the proxy), each request parsed with the app’s schema; the runs alternate between the two ways. \
Parallel windows use 6 at a time, what a browser opens to one origin over HTTP/1.1.',
    body,
    results,
    'statistics',
  );
}

function liveUpdatesSection({ results, previous }: Context): string {
  const live = results.liveUpdates;
  const s = results.sizes;
  const pollSeconds = (live?.polling.pollMs ?? 10_000) / 1000;
  const row = (way: 'push' | 'polling', name: string, x: EventToScreen) => [
    name,
    `${x.summary.n}${x.missed ? ` (${x.missed} not shown in time)` : ''}`,
    x.summary.n ? `${ms(x.summary.p50)} / ${ms(x.summary.p95)}` : '–',
    x.summary.n ? `${Math.round(x.summary.min)}–${Math.round(x.summary.max)} ms` : '–',
    ms(x.controlRequestP50),
    x.loadAverage ? loadRange(x.loadAverage) : '–',
    delta(previous, `live.${way}.p50`, x.summary.n ? x.summary.p50 : null, (v) => ms(v)),
  ];
  const body = live
    ? `${table(
        ['Way', 'n', 'p50 / p95', 'min–max', 'Control request (p50)', 'Load average', 'Previous p50 (Δ)'],
        [
          row('push', `Pushed (Faye)${live.push.stayedLive ? '' : ' ⚠︎ push was not live at the end: some may have been polled'}`, live.push),
          row('polling', `Polled (push stopped; presence every ${pollSeconds} s)`, live.polling),
        ],
      )}\n\n${
        s?.teamRouteGzip !== undefined
          ? `The team page’s added JS + CSS (gzip, from the Sizes section’s build): ${kb(s.teamRouteGzip)} beyond a signed-in page (${(s.teamRouteFiles ?? []).join(', ')}), \
${kb(s.teamRouteAfterCallsGzip)} beyond the calls page (${(s.teamRouteAfterCallsFiles ?? []).join(', ') || 'nothing'}); the Faye client adds ${kb(s.fayeClientGzip)} \
(${(s.fayeClientFiles ?? []).join(', ') || 'not in the build'}), loaded by a <script> on the first subscription, which every signed-in page makes (the header’s incoming call notice).`
          : `The team page’s added JS: ${results.skipped.includes('sizes') ? 'the Sizes section was skipped' : 'not measured (see Errors)'}.`
      }`
    : null;
  return section(
    'Live updates: a change at Firmafon → the team board',
    `Signed in on the app run, on /team with the sandbox’s push service live, ${live?.person ?? 'a person'}’s presence is changed through the sandbox’s control API, \
busy and available in turn (after one untimed change), ${results.settings.pushEvents ?? 30} times pushed, then ${results.settings.pollEvents ?? 10} times polled. \
Each time is from just before the sandbox’s control request (\`POST /sandbox/control/presence\`, loopback) to the first frame after the board’s row shows the new presence: \
the page arms a MutationObserver before the change, notes the DOM change and the frame after it (requestAnimationFrame, then a task), with the same clock as the bench, so Playwright’s own polling adds nothing. \
It includes the control request, the sandbox publishing on its Faye server, the message over the browser’s Faye connection (WebSocket), the app’s parse and cache update, React’s render and the frame; \
polled, instead of the push, the board’s next \`GET /employees\` through the proxy (netlify-cli, a worker thread per function call). \
Polled: push stopped through the control API until the board says it polls, then ${results.settings.pollEvents ?? 10} changes, each made ${pollSeconds} s ÷ n later in the poll’s period than the one before \
(counted from the previous change showing, i.e. just after a poll’s answer), so together they meet every phase of the poll as changes at random moments would: expect a median near half the period. \
p50/p95 are nearest-rank (real samples); the load average is the 1-minute one after each change.`,
    body,
    results,
    'live-updates',
  );
}

function lighthouseSection({ results, previous, lighthouse }: Context): string {
  const cpus = results.environment.cpus;
  const rows = lighthouse.map((lh) => [
    pageName(lh),
    lh.audit.formFactor,
    String(lh.audit.runs.length),
    spread(lh.performance),
    spread(lh.accessibility),
    spread(lh.bestPractices),
    `${ms(lh.metrics.fcpMs)} / ${ms(lh.metrics.lcpMs)} / ${ms(lh.metrics.tbtMs)} / ${lh.metrics.cls?.toFixed(3) ?? '–'}`,
    `${spread1(lh.loadAverage)}${tooBusy(lh, cpus) ? ` on ${cpus} cores: machine too busy for this figure to mean much` : ''}`,
    `target 100/100/100${lh.warnings.length ? ` ⚠︎ ${lh.warnings.join('; ')}` : ''}`,
    delta(previous, `lighthouse.${lh.id}.${lh.audit.formFactor}.performance`, lh.performance.p50, (v) => String(v)),
  ]);
  const details = lighthouse.flatMap((lh) => {
    const lines = [...(lh.medianRun?.diagnostics ?? []), ...(lh.medianRun?.notes ?? []).map((note) => `Lighthouse: ${note}`)];
    return lines.length ? [`- ${pageName(lh)}, ${lh.audit.formFactor} (median run): ${lines.join('; ')}.`] : [];
  });
  const body = rows.length
    ? `${table(['Page', 'Form factor', 'Runs', 'Performance', 'Accessibility', 'Best practices', 'FCP / LCP / TBT / CLS', 'Load average (1 min)', 'Compared with', 'Previous (Δ perf.)'], rows)}${details.length ? `\n\n${details.join('\n')}` : ''}`
    : null;
  return section(
    'Lighthouse 12.2.3',
    `Performance, accessibility and best practices; “mobile” is Lighthouse’s default (simulated slow 4G and 4× CPU slowdown), “desktop” its desktop preset. \
Up to ${results.settings.lighthouseRuns} run${results.settings.lighthouseRuns === 1 ? '' : 's'} per page and form factor: the median score with the lowest and highest in brackets, the median FCP/LCP/TBT/CLS, \
and the range of the 1-minute load average as each run ended. Where it was above the number of cores (${cpus}), the browser, the app run and other work \
queued for the CPU and the row says the machine was too busy for the figure to mean much. \
The calls page is audited signed in, with the sandbox’s default ${calls(DEFAULT_CALLS)} calls and with ${calls(results.settings.renderingCalls)}: the bench signs in, Lighthouse’s navigation of /calls loses the in-memory token and the app resumes the session through the sandbox \
(/calls → Firmafon’s authorize → /auth/callback → /calls, which Lighthouse notes as a redirect), so its figures are those of opening or reloading /calls; Lighthouse waits \
for 3 s of network and CPU quiet there (default 1 s) so that the audit ends on the filled table. A ⚠︎ marks a run that did not end on /calls with the calls loaded. \
The app run serves the page’s API calls on the same cores as the browser (netlify-cli starts a worker thread for each function call), so on a machine with few cores the calls page’s tasks also wait for a core, which Lighthouse counts as blocking time; a deployed site’s functions run elsewhere.`,
    body,
    results,
    'lighthouse',
  );
}

function errors({ results }: Context): string {
  return results.errors.length ? `## Errors\n\n${results.errors.map((e) => `- **${e.section}**: ${e.message.replace(/\n/g, ' ')}`).join('\n')}` : '';
}

function howToRun(): string {
  return `## How to run

\`npm run bench\` (after \`npm ci\`; needs Chromium at /usr/bin/chromium or CHROMIUM_PATH). It builds, starts its own production-like run on free ports, \
stops by itself (a watchdog ends it after BENCH_TIME_LIMIT_S, default 1860 s) and rewrites this file. Settings: BENCH_RUNS (sign-ins per kind, 7), \
BENCH_REQUESTS (per latency cell, 500), BENCH_CALLS (the long history for rendering and Lighthouse, 10000), BENCH_LIGHTHOUSE_RUNS (runs per page and form factor, 3), \
BENCH_STATISTICS_CALLS / BENCH_STATISTICS_LATENCY_MS / BENCH_STATISTICS_RUNS (the statistics load: 15000 calls, 150 ms, 5 runs of each way), \
BENCH_SKIP (comma-separated: sizes, statistics, auth-code, sign-in, latency, rendering, reload, firmafon-trips, live-updates, lighthouse), \
BENCH_PUSH_EVENTS / BENCH_POLL_EVENTS (presence changes timed pushed, 30, and polled, 10), BENCH_RELOAD_RUNS (reloads of /calls per design, 7), BENCH_BASELINE_COMMIT (the old design to reload beside this one, default 0c83d17; \`none\` for none), BENCH_TRIPS_RUNS (sign-ins per delay, 5), BENCH_LIGHTHOUSE_REPORTS (a directory to keep Lighthouse’s full JSON reports in). \
Do not run it while another \`netlify serve\` runs from the same checkout: netlify-cli shares \`.netlify/\` between them. The size budgets alone: \`npm run check:size\` (part of \`npm test\`).`;
}

function stored({ results }: Context): string {
  return `${RESULTS_MARKER}\n\n\`\`\`json\n${JSON.stringify({ date: results.date, figures: figuresOf(results), results }, null, 1)}\n\`\`\`\n`;
}

const SECTIONS = [header, targets, coldLoad, sizes, signIn, latency, rendering, statisticsSection, liveUpdatesSection, lighthouseSection, errors, howToRun, stored];

export function renderMarkdown(results: BenchResults, previous: PreviousRun): string {
  const context: Context = { results, previous, lighthouse: (results.lighthouse ?? []).map(summarizeAudit) };
  return SECTIONS.map((render) => render(context))
    .filter((part) => part !== '')
    .join('\n\n');
}

/** The Markdown without the stored JSON, for the console. */
export function consoleReport(markdown: string): string {
  const at = markdown.indexOf(RESULTS_MARKER);
  return at < 0 ? markdown : markdown.slice(0, at).trimEnd();
}
