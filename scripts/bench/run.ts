/**
 * `npm run bench`: measures sizes, sign-in time, the functions' added latency, rendering a long history, the reload
 * of /calls beside an older design (issue #15), the trips to Firmafon a user waits for, our auth code's size, the
 * time from a change at Firmafon to the team board (pushed and polled) and Lighthouse scores (median of several runs)
 * in one run, prints them and rewrites docs/benchmarks.md (deltas against the previous run).
 * Each section is independent: one that fails is reported and the rest still run. A watchdog bounds the
 * whole run; everything it starts (the app run, browsers) is stopped before it exits. Loopback only.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { startAppRun, type AppRun } from './app-run.ts';
import { measureAuthCode } from './auth-size.ts';
import { checkOutBaseline, type BaselineCheckout } from './baseline.ts';
import { launchBrowser } from './browser.ts';
import { measureRendering, measureSignIn } from './browser-runs.ts';
import { COLD_LOAD_TARGETS } from './cold-load.ts';
import { measureFirmafonTrips } from './firmafon-trips.ts';
import { measureFrameworkFloor } from './framework-floor.ts';
import { measureLatency } from './latency.ts';
import { measureLighthouse } from './lighthouse.ts';
import { measureLiveUpdates } from './live-updates.ts';
import { measureStatisticsLoad } from './statistics.ts';
import { measureReloads, type Design } from './reload.ts';
import { consoleReport, renderMarkdown } from './report.ts';
import { readPreviousFigures, type BenchResults } from './results.ts';
import { buildSpa, measureFunctions, measureSpa } from '../sizes.ts';

const REPORT_PATH = 'docs/benchmarks.md';

function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive whole number`);
  return value;
}

const settings = {
  signInRuns: intFromEnv('BENCH_RUNS', 7),
  latencyRequests: intFromEnv('BENCH_REQUESTS', 500),
  latencyCellTimeLimitMs: 10_000,
  renderingCalls: intFromEnv('BENCH_CALLS', 10_000),
  lighthouseRuns: intFromEnv('BENCH_LIGHTHOUSE_RUNS', 3),
  statisticsCalls: intFromEnv('BENCH_STATISTICS_CALLS', 15_000),
  statisticsLatencyMs: intFromEnv('BENCH_STATISTICS_LATENCY_MS', 150),
  statisticsRuns: intFromEnv('BENCH_STATISTICS_RUNS', 5),
  reloadRuns: intFromEnv('BENCH_RELOAD_RUNS', 7),
  /** The old design (before the first script, issue #15), reloaded beside this one; `none` for none. */
  baselineCommit: process.env.BENCH_BASELINE_COMMIT === 'none' ? null : process.env.BENCH_BASELINE_COMMIT || '0c83d17',
  pushEvents: intFromEnv('BENCH_PUSH_EVENTS', 30),
  pollEvents: intFromEnv('BENCH_POLL_EVENTS', 10),
};
const tripsRuns = intFromEnv('BENCH_TRIPS_RUNS', 5);
/** The browser's CPU slowdown for the reloads (issue #15: 4×). */
const RELOAD_CPU_THROTTLING = 4;
// 25 minutes for the sections up to Lighthouse (the old design's reloads included), 3 more for the statistics
// load (5 runs of each way) and 3 for the live updates (the polled changes take a poll's period each).
const timeLimitMs = intFromEnv('BENCH_TIME_LIMIT_S', 1860) * 1000;
const skip = new Set((process.env.BENCH_SKIP ?? '').split(',').map((s) => s.trim()).filter(Boolean));
/** Where to keep Lighthouse's full reports; none are kept without it. */
const lighthouseReportsDir = process.env.BENCH_LIGHTHOUSE_REPORTS || undefined;

const log = (line: string) => console.log(line);
const started = Date.now();
const workDir = mkdtempSync(join(tmpdir(), 'bench-'));

function gitCommit(): string | null {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() !== '';
    return `${commit}${dirty ? ' + uncommitted changes' : ''}`;
  } catch {
    return null;
  }
}

const results: BenchResults = {
  date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
  commit: gitCommit(),
  environment: { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model.trim() ?? 'unknown CPU', loadAverage: loadavg(), chromium: null },
  durationMs: 0,
  settings,
  errors: [],
  skipped: [...skip],
};

let app: AppRun | null = null;
let baselineApp: AppRun | null = null;
let baseline: BaselineCheckout | null = null;
let browser: Browser | null = null;
let finished = false;

async function cleanUp(): Promise<void> {
  await browser?.close().catch(() => {});
  browser = null;
  await app?.stop().catch(() => {});
  app = null;
  await baselineApp?.stop().catch(() => {});
  baselineApp = null;
  baseline?.remove();
  baseline = null;
  rmSync(workDir, { recursive: true, force: true });
}

function writeReport(): void {
  results.durationMs = Date.now() - started;
  const previous = existsSync(REPORT_PATH) ? readPreviousFigures(readFileSync(REPORT_PATH, 'utf8')) : null;
  const markdown = renderMarkdown(results, previous);
  writeFileSync(REPORT_PATH, markdown);
  console.log(`\n${consoleReport(markdown)}\n\nWritten to ${REPORT_PATH}.`);
}

/** Runs one section; an error is recorded and printed, and the bench goes on. */
async function section(name: string, body: () => Promise<void>): Promise<void> {
  if (skip.has(name)) {
    log(`\n▸ ${name}: skipped (BENCH_SKIP)`);
    return;
  }
  log(`\n▸ ${name}`);
  const sectionStart = Date.now();
  try {
    await body();
    log(`  done in ${((Date.now() - sectionStart) / 1000).toFixed(1)} s`);
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] ?? error.name : String(error);
    results.errors.push({ section: name, message });
    console.error(`  ✗ ${name} failed: ${message}`);
  }
}

const watchdog = setTimeout(() => {
  if (finished) return;
  results.errors.push({ section: 'watchdog', message: `the bench hit its time limit (${timeLimitMs / 1000} s) and stopped; later sections are missing` });
  console.error(`\n✗ Time limit of ${timeLimitMs / 1000} s reached: writing what was measured and stopping.`);
  writeReport();
  void cleanUp().finally(() => process.exit(1));
}, timeLimitMs);

async function main(): Promise<void> {
  const previousExists = existsSync(REPORT_PATH);
  log(
    `Benchmark: ${settings.signInRuns} sign-ins per kind, ${settings.latencyRequests} requests per latency cell, ${settings.renderingCalls} calls, ` +
      `${settings.reloadRuns} reloads of /calls per design (old: ${settings.baselineCommit ?? 'none'}), ${tripsRuns} sign-ins per delay to Firmafon, ` +
      `${settings.pushEvents} pushed and ${settings.pollEvents} polled presence changes, ${settings.lighthouseRuns} Lighthouse runs per page and form factor; time limit ${timeLimitMs / 1000} s.`,
  );
  if (!previousExists) log('No previous docs/benchmarks.md: no deltas this time.');

  await section('sizes', async () => {
    const outDir = join(workDir, 'build');
    const manifest = buildSpa(outDir);
    const spa = measureSpa(outDir, manifest);
    const functions = await measureFunctions();
    const floor = await measureFrameworkFloor('declarative');
    const floorDataRouter = await measureFrameworkFloor('data');
    results.sizes = {
      beforeRedirectJsGzip: spa.beforeRedirectJs.gzip,
      beforeRedirectJsFiles: spa.beforeRedirectJs.files.map((f) => f.file),
      signInJsGzip: spa.signInJs.gzip,
      signInJsFiles: spa.signInJs.files.map((f) => f.file),
      callsPageAllGzip: spa.callsPageAll.gzip,
      callsPageAllFiles: spa.callsPageAll.files.map((f) => f.file),
      allCssGzip: spa.allCss.gzip,
      statisticsRouteGzip: spa.statisticsRouteAdded.gzip,
      statisticsRouteFiles: spa.statisticsRouteAdded.files.map((f) => f.file),
      teamRouteGzip: spa.teamRouteAdded.gzip,
      teamRouteFiles: spa.teamRouteAdded.files.map((f) => f.file),
      teamRouteAfterCallsGzip: spa.teamRouteAfterCalls.gzip,
      teamRouteAfterCallsFiles: spa.teamRouteAfterCalls.files.map((f) => f.file),
      fayeClientGzip: spa.fayeClient.gzip,
      fayeClientFiles: spa.fayeClient.files.map((f) => f.file),
      allJsGzip: spa.allJs.gzip,
      functions,
      frameworkFloorGzip: floor.gzip,
      frameworkFloorDataRouterGzip: floorDataRouter.gzip,
    };
    log(`    JS before the redirect ${(spa.beforeRedirectJs.gzip / 1000).toFixed(1)} KB, sign-in JS ${(spa.signInJs.gzip / 1000).toFixed(1)} KB, calls page ${(spa.callsPageAll.gzip / 1000).toFixed(1)} KB, floor ${(floor.gzip / 1000).toFixed(1)} KB (with the data router ${(floorDataRouter.gzip / 1000).toFixed(1)} KB)`);
  });

  await section('statistics', async () => {
    results.statistics = await measureStatisticsLoad({
      calls: settings.statisticsCalls,
      latencyMs: settings.statisticsLatencyMs,
      runs: settings.statisticsRuns,
      deadline: Math.min(Date.now() + 300_000, started + timeLimitMs - 60_000),
      log,
    });
  });

  const baselineCommit = settings.baselineCommit;
  if (baselineCommit && !(skip.has('reload') && skip.has('auth-code'))) {
    await section('old design', async () => {
      baseline = checkOutBaseline(baselineCommit);
      log(`    ${baseline.commit} (${baseline.subject.slice(0, 80)}…) in ${baseline.dir}`);
    });
  }
  const old = baseline as BaselineCheckout | null;

  await section('auth-code', async () => {
    const current = await measureAuthCode(process.cwd());
    const before = old ? { ...(await measureAuthCode(old.dir)), commit: old.commit } : null;
    results.authCode = { current, baseline: before };
    log(`    ${(current.gzip / 1000).toFixed(1)} KB gzip (target ${COLD_LOAD_TARGETS.authCode / 1000} KB)${before ? `; at ${before.commit} ${(before.gzip / 1000).toFixed(1)} KB` : ''}`);
  });

  const needsApp = ['sign-in', 'latency', 'rendering', 'reload', 'firmafon-trips', 'live-updates', 'lighthouse'].some((name) => !skip.has(name));
  if (needsApp) {
    await section('app run', async () => {
      const logFile = join(tmpdir(), `bench-app-run-${process.pid}.log`);
      log(`    starting netlify serve on the sandbox (log: ${logFile}) …`);
      app = await startAppRun({ logFile });
      log(`    ${app.appUrl} on sandbox ${app.sandboxUrl}`);
    });
    if (old && !skip.has('reload')) {
      // After this one's, not alongside: two netlify-cli starts at once can race for the same static-server port.
      await section('old design app run', async () => {
        const logFile = join(tmpdir(), `bench-app-run-old-${process.pid}.log`);
        log(`    ${old.commit}: netlify serve from ${old.dir} (log: ${logFile}) …`);
        baselineApp = await startAppRun({ logFile, cwd: old.dir }).catch((error: unknown) => {
          log(`    did not start (${error instanceof Error ? error.message : String(error)}); once more …`);
          return startAppRun({ logFile, cwd: old.dir });
        });
        log(`    ${baselineApp.appUrl} on sandbox ${baselineApp.sandboxUrl}`);
      });
    }
  }
  const run = app as AppRun | null;

  if (run) {
    await section('browser', async () => {
      browser = await launchBrowser();
      results.environment.chromium = browser.version();
    });
    const chromium = browser as Browser | null;

    // Time for each section, so that one slowed down by a busy machine leaves time for the others.
    const until = (seconds: number) => Math.min(Date.now() + seconds * 1000, started + timeLimitMs - 30_000);
    await section('latency', async () => {
      results.latency = [];
      await measureLatency(run, {
        onCell: (cell) => results.latency?.push(cell),
        requests: settings.latencyRequests,
        warmup: 10,
        cellTimeLimitMs: settings.latencyCellTimeLimitMs,
        deadline: until(100),
        concurrencies: [1, 50],
        log,
      });
    });
    await section('sign-in', async () => {
      if (!chromium) throw new Error('no browser');
      results.signIn = await measureSignIn(run, chromium, { runs: settings.signInRuns, deadline: until(90), log });
    });
    await section('rendering', async () => {
      if (!chromium) throw new Error('no browser');
      results.rendering = await measureRendering(run, chromium, { calls: settings.renderingCalls, loadTimeLimitMs: Math.max(30_000, until(120) - Date.now()), log });
    });
    await section('reload', async () => {
      if (!chromium) throw new Error('no browser');
      const designs: Design[] = [];
      const oldRun = baselineApp as AppRun | null;
      if (oldRun && old) designs.push({ name: 'old', label: `${old.commit} (before the first script)`, run: oldRun });
      else if (settings.baselineCommit) log('    the old design is not running (see above): this design only');
      designs.push({ name: 'new', label: results.commit ?? 'this checkout', run });
      results.reload = await measureReloads(chromium, designs, {
        runs: settings.reloadRuns,
        cpuThrottling: RELOAD_CPU_THROTTLING,
        deadline: until(360),
        log,
        loadAverage: () => loadavg()[0] ?? 0,
      });
      // The old design is not needed any more: its processes would only add to the machine's load.
      await baselineApp?.stop().catch(() => {});
      baselineApp = null;
    });
    await section('firmafon-trips', async () => {
      if (!chromium) throw new Error('no browser');
      results.firmafonTrips = await measureFirmafonTrips(run, chromium, {
        latenciesMs: [0, COLD_LOAD_TARGETS.firmafonDelayMs],
        runs: tripsRuns,
        deadline: until(200),
        log,
        loadAverage: () => loadavg()[0] ?? 0,
      });
    });
    await section('live-updates', async () => {
      if (!chromium) throw new Error('no browser');
      results.liveUpdates = await measureLiveUpdates(run, chromium, {
        pushEvents: settings.pushEvents,
        pollEvents: settings.pollEvents,
        deadline: until(180),
        log,
        loadAverage: () => loadavg()[0] ?? 0,
      });
    });
    await section('lighthouse', async () => {
      results.lighthouse = [];
      await measureLighthouse(run, {
        formFactors: ['mobile', 'desktop'],
        runs: settings.lighthouseRuns,
        manyCalls: settings.renderingCalls,
        deadline: until(420),
        log,
        onAudit: (audit) => results.lighthouse?.push(audit),
        reportsDir: lighthouseReportsDir,
      });
    });
  }
}

try {
  await main();
} catch (error) {
  results.errors.push({ section: 'bench', message: error instanceof Error ? error.message : String(error) });
} finally {
  finished = true;
  clearTimeout(watchdog);
  await cleanUp();
  writeReport();
}
process.exit(results.errors.length > 0 ? 1 : 0);
