import { describe, expect, it } from 'vitest';
import { figuresOf, readPreviousFigures, renderMarkdown, type BenchResults } from './report.ts';

const results: BenchResults = {
  date: '2026-11-29T20:00:00Z',
  commit: 'abc1234',
  environment: { node: 'v20', cpus: 2, cpuModel: 'CPU', loadAverage: [0.5, 0.5, 0.5], chromium: '156' },
  durationMs: 300_000,
  settings: { signInRuns: 7, latencyRequests: 500, latencyCellTimeLimitMs: 10_000, renderingCalls: 10_000 },
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
