/**
 * The figures of one bench run: the shape of its results, Lighthouse's runs summarized (median, range, load), and
 * the flat figures stored at the end of docs/benchmarks.md, where the next run reads them for its deltas.
 */
import { DEFAULT_CALLS } from '../../sandbox/server.ts';
import type { AuthCodeSize } from './auth-size.ts';
import type { RenderingResult, SignInTimings } from './browser-runs.ts';
import type { FirmafonTripsResult } from './firmafon-trips.ts';
import type { LatencyCell } from './latency.ts';
import type { LighthouseAudit, LighthouseScores } from './lighthouse.ts';
import type { LiveUpdatesResult } from './live-updates.ts';
import type { StatisticsLoadResult } from './statistics.ts';
import type { ReloadResult } from './reload.ts';
import { percentile } from './stats.ts';

export interface SizeResults {
  /** JS a reload downloads before leaving for Firmafon (the first script and its static imports), from the build. */
  beforeRedirectJsGzip?: number;
  beforeRedirectJsFiles?: string[];
  signInJsGzip: number;
  signInJsFiles: string[];
  callsPageAllGzip: number;
  callsPageAllFiles: string[];
  allCssGzip: number;
  /** JS + CSS the statistics route adds to a signed-in page (optional: older stored runs lack it). */
  statisticsRouteGzip?: number;
  statisticsRouteFiles?: string[];
  /** JS + CSS the team route adds to a signed-in page, and after the calls page (optional: older stored runs lack them). */
  teamRouteGzip?: number;
  teamRouteFiles?: string[];
  teamRouteAfterCallsGzip?: number;
  teamRouteAfterCallsFiles?: string[];
  /** The Faye client, loaded by a <script> on the first subscription (in no chunk's imports). */
  fayeClientGzip?: number;
  fayeClientFiles?: string[];
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
  settings: {
    signInRuns: number;
    latencyRequests: number;
    latencyCellTimeLimitMs: number;
    renderingCalls: number;
    lighthouseRuns: number;
    statisticsCalls?: number;
    statisticsLatencyMs?: number;
    statisticsRuns?: number;
    /** Reloads of /calls per design, and the commit measured as the old design (none: the reload runs on this one only). */
    reloadRuns?: number;
    baselineCommit?: string | null;
    /** Presence changes timed with push, and with push stopped (polled). */
    pushEvents?: number;
    pollEvents?: number;
  };
  sizes?: SizeResults;
  signIn?: SignInTimings;
  latency?: LatencyCell[];
  rendering?: RenderingResult;
  statistics?: StatisticsLoadResult;
  lighthouse?: LighthouseAudit[];
  /** Reload of /calls → table, this design and (when a baseline commit is set) the old one, interleaved. */
  reload?: ReloadResult;
  /** Callback → table with and without a delay between the functions and Firmafon. */
  firmafonTrips?: FirmafonTripsResult;
  /** A presence change at the sandbox → the team board showing it, pushed and polled. */
  liveUpdates?: LiveUpdatesResult;
  /** Our own SPA auth code, this checkout and the baseline commit. */
  authCode?: { current: AuthCodeSize; baseline: (AuthCodeSize & { commit: string }) | null };
  errors: Array<{ section: string; message: string }>;
  skipped: string[];
}

/** Flat figures by id: what is stored for the next run and compared with the previous one. */
export type FigureMap = Record<string, number | null>;
export type PreviousRun = { date: string; figures: FigureMap } | null;

export const TARGETS = {
  lighthouseScore: 100,
  addedLatencyP50Ms: 5,
  longestTaskMs: 50,
  rowsInDom: 100,
  heapBytes: 60e6,
} as const;

export const RESULTS_MARKER = '<!-- bench-results: the figures of this run, read by the next `npm run bench` for its deltas -->';

// ---------------------------------------------------------------------------------------------------------
// Lighthouse runs → one row: medians (nearest rank, so a real run's figure), ranges, load

export type Range = { p50: number | null; min: number | null; max: number | null };

function range(values: ReadonlyArray<number | null>): Range {
  const known = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  return known.length ? { p50: percentile(known, 50), min: known[0] ?? null, max: known.at(-1) ?? null } : { p50: null, min: null, max: null };
}

export interface LighthouseSummary {
  audit: LighthouseAudit;
  /** `sign-in`, `calls` (the sandbox's default size) or `calls-<n>`: the id of its figures. */
  id: string;
  performance: Range;
  accessibility: Range;
  bestPractices: Range;
  metrics: Record<keyof LighthouseScores['metrics'], number | null>;
  loadAverage: Range;
  /** The run whose performance score is the median: its diagnostics and notes are reported. */
  medianRun: LighthouseScores | undefined;
  warnings: string[];
}

export function summarizeAudit(audit: LighthouseAudit): LighthouseSummary {
  const of = (pick: (run: LighthouseScores) => number | null) => range(audit.runs.map(pick));
  const performance = of((run) => run.performance);
  return {
    audit,
    id: audit.page === 'sign-in' ? 'sign-in' : audit.calls === DEFAULT_CALLS ? 'calls' : `calls-${audit.calls ?? 0}`,
    performance,
    accessibility: of((run) => run.accessibility),
    bestPractices: of((run) => run.bestPractices),
    metrics: {
      fcpMs: of((run) => run.metrics.fcpMs).p50,
      lcpMs: of((run) => run.metrics.lcpMs).p50,
      tbtMs: of((run) => run.metrics.tbtMs).p50,
      cls: of((run) => run.metrics.cls).p50,
    },
    loadAverage: of((run) => run.loadAverage),
    medianRun: audit.runs.find((run) => run.performance === performance.p50) ?? audit.runs[0],
    warnings: [...new Set(audit.runs.flatMap((run) => run.warnings))],
  };
}

/** True when some run's 1-minute load average was above the number of cores. */
export const tooBusy = (lh: LighthouseSummary, cpus: number) => (lh.loadAverage.max ?? 0) > cpus;

// ---------------------------------------------------------------------------------------------------------
// Stored figures

export function figuresOf(results: BenchResults): FigureMap {
  const { sizes, signIn, latency, rendering } = results;
  const f: FigureMap = {};
  if (sizes) {
    Object.assign(f, {
      'size.beforeRedirectJs': sizes.beforeRedirectJsGzip ?? null,
      'size.signInJs': sizes.signInJsGzip,
      'size.callsPage': sizes.callsPageAllGzip,
      'size.css': sizes.allCssGzip,
      'size.floor': sizes.frameworkFloorGzip,
      'size.floorDataRouter': sizes.frameworkFloorDataRouterGzip,
    });
    for (const fn of sizes.functions) f[`size.fn.${fn.name}`] = fn.bytes;
    if (sizes.statisticsRouteGzip !== undefined) f['size.statisticsRoute'] = sizes.statisticsRouteGzip;
    if (sizes.teamRouteGzip !== undefined) f['size.teamRoute'] = sizes.teamRouteGzip;
    if (sizes.teamRouteAfterCallsGzip !== undefined) f['size.teamRouteAfterCalls'] = sizes.teamRouteAfterCallsGzip;
    if (sizes.fayeClientGzip !== undefined) f['size.fayeClient'] = sizes.fayeClientGzip;
  }
  if (results.statistics) {
    f['statistics.sequential.p50'] = results.statistics.sequential.summary.p50;
    f['statistics.windows.p50'] = results.statistics.windows.summary.p50;
  }
  for (const kind of signIn ? (['first', 'returning'] as const) : []) {
    f[`signIn.${kind}.clickToTable.p50`] = signIn?.[kind].clickToTable.p50 ?? null;
    f[`signIn.${kind}.callbackToTable.p50`] = signIn?.[kind].callbackToTable.p50 ?? null;
  }
  for (const cell of latency ?? []) {
    f[`latency.${cell.endpoint}.${cell.target}.c${cell.concurrency}.p50`] = cell.summary.p50;
    f[`latency.${cell.endpoint}.${cell.target}.c${cell.concurrency}.p99`] = cell.summary.p99;
  }
  if (rendering) {
    Object.assign(f, {
      'render.firstTablePaint': rendering.firstTablePaintMs,
      'render.longestTask': rendering.longestTaskMs,
      'render.maxRowsInDom': rendering.maxRowsInDom,
      'render.heapAllCalls': rendering.heapAllCallsBytes,
      'render.heapFirstPage': rendering.heapFirstPageBytes,
      'render.loadAll': rendering.loadAllMs,
    });
  }
  for (const design of results.reload?.designs ?? []) {
    f[`reload.${design.name}.table.p50`] = design.table.n ? design.table.p50 : null;
    f[`reload.${design.name}.jsBeforeRedirect`] = design.jsBeforeRedirect.bodyBytes;
  }
  for (const cell of results.firmafonTrips?.cells ?? []) f[`trips.delay${cell.latencyMs}.callbackToTable.p50`] = cell.callbackToTable.n ? cell.callbackToTable.p50 : null;
  for (const way of results.liveUpdates ? (['push', 'polling'] as const) : []) {
    const summary = results.liveUpdates?.[way].summary;
    f[`live.${way}.p50`] = summary?.n ? summary.p50 : null;
    f[`live.${way}.p95`] = summary?.n ? summary.p95 : null;
  }
  if (results.authCode) {
    f['size.authCode'] = results.authCode.current.gzip;
    f['size.authCode.baseline'] = results.authCode.baseline?.gzip ?? null;
  }
  for (const lh of (results.lighthouse ?? []).map(summarizeAudit)) {
    const id = `lighthouse.${lh.id}.${lh.audit.formFactor}`;
    Object.assign(f, { [`${id}.performance`]: lh.performance.p50, [`${id}.accessibility`]: lh.accessibility.p50, [`${id}.bestPractices`]: lh.bestPractices.p50 });
  }
  return f;
}

/** The figures stored in a previous docs/benchmarks.md, with its date; null when there are none. */
export function readPreviousFigures(markdown: string): PreviousRun {
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
