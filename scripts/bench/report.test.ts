import { describe, expect, it } from 'vitest';
import type { LighthouseAudit, LighthouseScores } from './lighthouse.ts';
import { renderMarkdown } from './report.ts';
import { figuresOf, readPreviousFigures, summarizeAudit, type BenchResults } from './results.ts';
import { summarizeEventToScreen } from './live-updates.ts';
import { summarize } from './stats.ts';

const results: BenchResults = {
  date: '2026-11-29T20:00:00Z',
  commit: 'abc1234',
  environment: { node: 'v20', cpus: 2, cpuModel: 'CPU', loadAverage: [0.5, 0.5, 0.5], chromium: '156' },
  durationMs: 300_000,
  settings: { signInRuns: 7, latencyRequests: 500, latencyCellTimeLimitMs: 10_000, renderingCalls: 10_000, lighthouseRuns: 3 },
  sizes: {
    signInJsGzip: 101_200,
    signInJsFiles: ['assets/index.js'],
    callsPageAllGzip: 126_800,
    callsPageAllFiles: ['assets/index.js', 'assets/calls-page.js'],
    allCssGzip: 3_200,
    allJsGzip: 140_000,
    functions: [{ name: 'functions/token.ts', bytes: 41_400, gzip: 10_700 }],
    frameworkFloorGzip: 90_200,
    frameworkFloorDataRouterGzip: 106_400,
  },
  latency: [
    { endpoint: 'proxy', target: 'direct', concurrency: 1, summary: { n: 500, min: 1, p50: 1.25, p99: 6.5, max: 9 }, errors: 0, firstError: null },
    { endpoint: 'proxy', target: 'function', concurrency: 1, summary: { n: 500, min: 2, p50: 2.4, p99: 15, max: 20 }, errors: 0, firstError: null },
  ],
  errors: [],
  skipped: ['sign-in', 'rendering', 'lighthouse'],
};

describe('the stored figures', () => {
  it('are read back from the Markdown the run writes, for the next run’s deltas', () => {
    const markdown = renderMarkdown(results, null);
    expect(readPreviousFigures(markdown)).toEqual({ date: results.date, figures: figuresOf(results) });
  });

  it('are absent from a file without the marker or with broken JSON', () => {
    expect(readPreviousFigures('# Benchmarks\n')).toBeNull();
    expect(readPreviousFigures(renderMarkdown(results, null).replace('"figures"', '"figures" oops'))).toBeNull();
  });
});

describe('the report', () => {
  it('compares with the previous run and marks targets', () => {
    const previous = { date: '2026-11-28T00:00:00Z', figures: { ...figuresOf(results), 'size.signInJs': 121_000 } };
    const markdown = renderMarkdown(results, previous);
    expect(markdown).toContain('121.0 KB (−19.8 KB)');
    expect(markdown).toMatch(/API proxy adds < 5 ms p50, 1 client \(function code alone\) \| \+1\.15 ms \| ✅/);
    expect(markdown).toMatch(/Budget: sign-in page JS ≤ 100 KB gz \| 101\.2 KB \| ❌/);
    expect(markdown).toContain('_Skipped (BENCH_SKIP)._');
  });
});

const run = (performance: number, loadAverage: number, extra: Partial<LighthouseScores> = {}): LighthouseScores => ({
  page: 'calls',
  formFactor: 'mobile',
  loadAverage,
  performance,
  accessibility: 100,
  bestPractices: 100,
  finalUrl: 'http://localhost:1/calls',
  warnings: [],
  notes: [],
  diagnostics: [`diagnostic of the run scoring ${performance}`],
  metrics: { fcpMs: performance * 10, lcpMs: 2000, tbtMs: 300, cls: 0 },
  ...extra,
});
const audit = (calls: number, runs: LighthouseScores[]): LighthouseAudit => ({ page: 'calls', calls, formFactor: 'mobile', runs });

describe('Lighthouse in the report', () => {
  it('gives the median of the runs with the lowest and highest, and the median run’s diagnostics', () => {
    const summary = summarizeAudit(audit(250, [run(70, 0.5), run(58, 0.8), run(64, 1.1)]));
    expect(summary.performance).toEqual({ p50: 64, min: 58, max: 70 });
    expect(summary.metrics.fcpMs).toBe(640);
    expect(summary.medianRun?.diagnostics).toEqual(['diagnostic of the run scoring 64']);
    const markdown = renderMarkdown({ ...results, lighthouse: [audit(250, [run(70, 0.5), run(58, 0.8), run(64, 1.1)])] }, null);
    expect(markdown).toMatch(/\| Calls \(\/calls, 250 calls\) \| mobile \| 3 \| 64 \(58–70\) \| 100 \| 100 \| 640 ms \/ 2000 ms \/ 300 ms \/ 0\.000 \| 0\.5–1\.1 \|/);
    expect(markdown).toContain('Calls (/calls, 250 calls), mobile (median run): diagnostic of the run scoring 64.');
    expect(markdown).not.toContain('machine too busy for this figure to mean much');
  });

  it('says plainly when the load average was above the number of cores', () => {
    const markdown = renderMarkdown({ ...results, lighthouse: [audit(10_000, [run(40, 1.5), run(45, 3.2), run(50, 2.5)])] }, null);
    expect(markdown).toContain('1.5–3.2 on 2 cores: machine too busy for this figure to mean much');
    expect(markdown).toMatch(/Lighthouse 100\/100\/100, calls page with 10,000 calls \(mobile, median\) \| 45\/100\/100 \(machine too busy\) \| ❌/);
  });

  it('stores the medians under ids that keep the default-size calls page comparable with earlier runs', () => {
    const figures = figuresOf({ ...results, lighthouse: [audit(250, [run(70, 0.5)]), audit(10_000, [run(40, 0.5), run(44, 0.5), run(42, 0.5)])] });
    expect(figures['lighthouse.calls.mobile.performance']).toBe(70);
    expect(figures['lighthouse.calls-10000.mobile.performance']).toBe(42);
  });
});

describe('the statistics load', () => {
  it('reports both ways with median and range, the speed-up, and stores their medians', () => {
    const summary = (p50: number, min: number, max: number) => ({ n: 5, min, p50, p99: max, max });
    const withStatistics: BenchResults = {
      ...results,
      settings: { ...results.settings, statisticsCalls: 15_000, statisticsLatencyMs: 150, statisticsRuns: 5 },
      statistics: {
        calls: 15_000,
        latencyMs: 150,
        from: '2026-10-30',
        to: '2026-11-29',
        days: 31,
        runs: 5,
        callsInPeriod: 15_000,
        sequential: { summary: summary(28_000, 27_500, 29_000), requests: 152 },
        windows: { summary: summary(7_000, 6_500, 8_000), requests: 166, concurrency: 6 },
      },
    };
    const markdown = renderMarkdown(withStatistics, null);
    expect(markdown).toContain('## Statistics: a month of 15,000 calls at 150 ms per request');
    expect(markdown).toContain('| Sequential inclusive cursor over the whole period | 28.00 s (27.50 s–29.00 s) | 152, one at a time |');
    expect(markdown).toContain('| Day windows in parallel (the statistics page) | 7.00 s (6.50 s–8.00 s) | 166, 6 at a time |');
    expect(markdown).toContain('4.0× faster');
    expect(figuresOf(withStatistics)).toMatchObject({ 'statistics.sequential.p50': 28_000, 'statistics.windows.p50': 7_000 });
  });
});

describe('the cold load section (#15 targets)', () => {
  const reloads = (name: string, tableMs: number[], bodyBytes: number) => ({
    name,
    label: name === 'old' ? '0c83d17 (before the first script)' : 'abc1234',
    samples: tableMs.map((t) => ({
      leaveMs: name === 'old' ? 1000 : 100,
      callbackMs: name === 'old' ? 1300 : 400,
      tableMs: t,
      timeline: { htmlAt: 50, configSentAt: null, configAt: null, tokenSentAt: null, tokenAt: null, dataSentAt: null, dataAt: null },
    })),
    table: summarize(tableMs),
    leave: summarize(tableMs.map(() => 100)),
    callback: summarize(tableMs.map(() => 400)),
    loadAverage: { min: 0.4, max: 0.9 },
    jsBeforeRedirect: { files: [{ path: '/assets/index-abc.js', transferred: bodyBytes + 300, bodyBytes, fromCache: false }], transferred: bodyBytes + 300, bodyBytes, redirected: true },
  });
  const withColdLoad: BenchResults = {
    ...results,
    settings: { ...results.settings, reloadRuns: 3, baselineCommit: '0c83d17' },
    sizes: { ...results.sizes!, beforeRedirectJsGzip: 4_600, beforeRedirectJsFiles: ['assets/index-abc.js'] },
    reload: { cpuThrottling: 4, runsPerDesign: 3, designs: [reloads('old', [3000, 3200, 3100], 96_700), reloads('new', [1900, 2000, 2100], 4_571)] },
    firmafonTrips: {
      cells: [
        { latencyMs: 0, callbackToTable: summarize([600, 620, 640]), token: summarize([100, 110, 120]), data: summarize([200, 210, 220]) },
        { latencyMs: 180, callbackToTable: summarize([960, 980, 1000]), token: summarize([280, 290, 300]), data: summarize([390, 400, 410]) },
      ],
      loadAverage: { min: 0.5, max: 0.7 },
    },
    authCode: {
      current: { bytes: 12_276, gzip: 4_673, modules: [{ path: 'web/src/lib/fetch-json.ts', bytes: 1239 }], external: [] },
      baseline: { bytes: 11_954, gzip: 4_635, modules: [], external: ['valibot'], commit: '0c83d17' },
    },
  };

  it('marks each target of the issue with its figure', () => {
    const markdown = renderMarkdown(withColdLoad, null);
    expect(markdown).toContain('## Cold load (#15 targets)');
    expect(markdown).toMatch(/JS downloaded before the redirect to Firmafon on a reload ≤ 5\.0 KB gzip \| 4\.6 KB in the build .*; 4\.6 KB over the wire in Chromium \(1 file, cleared cache\); old design: 96\.7 KB in 1 file \| ✅/);
    expect(markdown).toMatch(/Reload of \/calls → filled table, median of 3, CPU ×4: ≥ 30 % faster than the old design \| new 2000 ms \(1900–2100, n = 3\); old 3100 ms \(3000–3200, n = 3\): 35 % faster \| ✅/);
    expect(markdown).toMatch(/Our own SPA auth code ≤ 3\.0 KB gzip \| 4\.7 KB; at 0c83d17: 4\.6 KB \| ❌ \| 12\.3 KB minified before gzip; largest modules \(minified\): lib\/fetch-json\.ts 1\.2 KB/);
    expect(markdown).toContain('The delay added 360 ms to the median callback → table: 2.0 × 180 ms, i.e. about 2 trip(s) to Firmafon one after another');
    expect(markdown).toContain('the token request +180 ms, the data requests +190 ms, together 2.1 × 180 ms.');
    expect(markdown).toContain('| oidc-client-ts + react-oidc-context | – | 19.2 KB | figure quoted in issue #15, not measured here |');
  });

  it('leaves a target unmarked when it was not measured', () => {
    const markdown = renderMarkdown(results, null);
    expect(markdown).toMatch(/Lighthouse performance ≥ 98, \/calls cold load with the resume bounce, 250 calls \(mobile, median of 3\) \| not measured in this run \(skipped\) \| – \|/);
  });
});

describe('Lighthouse in the cold load section', () => {
  it('misses the calls page’s mobile target below 98 and gives the median run’s metrics and diagnostics as the reason', () => {
    const markdown = renderMarkdown({ ...results, lighthouse: [audit(250, [run(92, 0.5), run(95, 0.6), run(90, 0.7)])] }, null);
    expect(markdown).toMatch(
      /Lighthouse performance ≥ 98, \/calls cold load with the resume bounce, 250 calls \(mobile, median of 3\) \| 92 \(90–95\), load 0\.5–0\.7 \| ❌ \| median run: FCP 920 ms, LCP 2000 ms, TBT 300 ms, CLS 0\.000; Lighthouse: diagnostic of the run scoring 92 \|/,
    );
  });
});

describe('the live updates section', () => {
  const eventToScreen = (samples: number[], extra: { missed?: number } = {}) => ({
    asked: samples.length + (extra.missed ?? 0),
    summary: summarizeEventToScreen(samples),
    controlRequestP50: 4,
    missed: extra.missed ?? 0,
    loadAverage: { min: 0.6, max: 1.2 },
  });
  const withLive: BenchResults = {
    ...results,
    settings: { ...results.settings, pushEvents: 4, pollEvents: 3 },
    sizes: {
      ...results.sizes!,
      teamRouteGzip: 9_400,
      teamRouteFiles: ['assets/team-page.js', 'assets/team.css'],
      teamRouteAfterCallsGzip: 6_100,
      teamRouteAfterCallsFiles: ['assets/team-page.js'],
      fayeClientGzip: 10_300,
      fayeClientFiles: ['assets/faye-browser-min-abc.js'],
    },
    liveUpdates: {
      person: 'Mikkel Pedersen',
      push: { ...eventToScreen([40, 55, 38, 61]), stayedLive: true },
      polling: { ...eventToScreen([9_800, 4_900, 1_700], { missed: 1 }), pollMs: 10_000 },
    },
  };

  it('gives p50 / p95 and the range of each way, with the load average, and the team page’s added JS beside them', () => {
    const markdown = renderMarkdown(withLive, null);
    expect(markdown).toContain('## Live updates: a change at Firmafon → the team board');
    expect(markdown).toContain('| Pushed (Faye) | 4 | 40 ms / 61 ms | 38–61 ms | 4 ms | 0.6–1.2 | – |');
    expect(markdown).toContain('| Polled (push stopped; presence every 10 s) | 3 (1 not shown in time) | 4900 ms / 9800 ms | 1700–9800 ms | 4 ms | 0.6–1.2 | – |');
    expect(markdown).toContain('9.4 KB beyond a signed-in page (assets/team-page.js, assets/team.css), 6.1 KB beyond the calls page (assets/team-page.js); the Faye client adds 10.3 KB');
    expect(markdown).toMatch(/\| Team route, added JS \+ CSS \(lazy\) \| 9\.4 KB \| no budget; after the calls page: 6\.1 KB \|/);
  });

  it('stores the medians and p95s for the next run’s deltas, and compares with them', () => {
    const figures = figuresOf(withLive);
    expect(figures).toMatchObject({ 'live.push.p50': 40, 'live.push.p95': 61, 'live.polling.p50': 4_900, 'size.teamRoute': 9_400, 'size.fayeClient': 10_300 });
    const markdown = renderMarkdown(withLive, { date: '2026-11-28T00:00:00Z', figures: { ...figures, 'live.push.p50': 50 } });
    expect(markdown).toContain('| 50 ms (−10 ms) |');
  });

  it('warns when push was not live at the end, and says why the sizes are missing when the sizes were skipped', () => {
    const { sizes: _sizes, ...noSizes } = withLive;
    const markdown = renderMarkdown({ ...noSizes, skipped: ['sizes'], liveUpdates: { ...withLive.liveUpdates!, push: { ...withLive.liveUpdates!.push, stayedLive: false } } }, null);
    expect(markdown).toContain('⚠︎ push was not live at the end: some may have been polled');
    expect(markdown).toContain('The team page’s added JS: the Sizes section was skipped.');
  });

  it('says it was skipped when it was', () => {
    const markdown = renderMarkdown({ ...results, skipped: ['live-updates'] }, null);
    expect(markdown).toMatch(/## Live updates: a change at Firmafon → the team board\n\n[^\n]+\n\n_Skipped \(BENCH_SKIP\)\._/);
  });
});
