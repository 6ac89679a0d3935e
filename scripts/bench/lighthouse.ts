/**
 * Lighthouse 12 (performance, accessibility, best practices) on the sign-in page and the calls page of the
 * production-like run. Chromium is started by Playwright with a remote-debugging port and a fresh profile;
 * Lighthouse's Node API audits in that browser without resetting storage. The sign-in page is audited before
 * anyone signed in. For the calls page the bench signs in first: Lighthouse's navigation then loses the
 * in-memory token, and the app resumes the session through the sandbox (signed-in hint, Firmafon session,
 * approval) — the audit checks it really ended on /calls with the calls loaded. The calls page is audited at the
 * sandbox's default size and again with a long history. Every page and form factor is audited several times
 * (Lighthouse's scores move from run to run, more so on a busy machine), each run with the 1-minute load average
 * taken as it ends.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from '@playwright/test';
import lighthouse, { desktopConfig, type Config, type Flags, type Result } from 'lighthouse';
import { freePort } from '../free-port.ts';
import type { AppRun } from './app-run.ts';
import { launchOptions, VIEWPORT } from './browser.ts';
import { sandboxControl, SANDBOX_USER } from '../../sandbox/client.ts';
import { DEFAULT_CALLS } from '../../sandbox/server.ts';

export type FormFactor = 'mobile' | 'desktop';
export type AuditedPage = 'sign-in' | 'calls';

/** One Lighthouse run. */
export interface LighthouseScores {
  page: AuditedPage;
  formFactor: FormFactor;
  /** The 1-minute load average when the run ended. */
  loadAverage: number;
  performance: number | null;
  accessibility: number | null;
  bestPractices: number | null;
  finalUrl: string;
  /** Anything that makes the scores suspect: a runtime error, or the calls page not signed in. */
  warnings: string[];
  /** Lighthouse's own run warnings (e.g. the redirect chain of a session resume): information, not failures. */
  notes: string[];
  /** What costs performance points: the weakest performance audits and the elements that shifted. */
  diagnostics: string[];
  metrics: { fcpMs: number | null; lcpMs: number | null; tbtMs: number | null; cls: number | null };
}

/** Every run of one page (with one amount of calls) in one form factor. */
export interface LighthouseAudit {
  page: AuditedPage;
  /** How many calls the sandbox held (the calls page); null for the sign-in page. */
  calls: number | null;
  formFactor: FormFactor;
  runs: LighthouseScores[];
}

const CATEGORIES = ['performance', 'accessibility', 'best-practices'];

const score = (lhr: Result, id: string): number | null => {
  const value = lhr.categories[id]?.score;
  return typeof value === 'number' ? Math.round(value * 100) : null;
};
const numeric = (lhr: Result, id: string): number | null => {
  const value = lhr.audits[id]?.numericValue;
  return typeof value === 'number' ? value : null;
};

/** Authorization codes and states in URLs are single-use and redeemed, but they still stay out of reports. */
export function redactUrls(text: string): string {
  return text.replace(/([?&](?:code|state)=)[^&#\s)"'\\]+/g, '$1…');
}

/**
 * An audit whose every finding Lighthouse calls "Not actionable": e.g. the back/forward cache, which the bench's
 * browser (started by Playwright) has switched off, so it says nothing about the app.
 */
function onlyNotActionable(audit: Result['audits'][string]): boolean {
  const items = (audit.details as { items?: Array<{ failureType?: unknown }> } | undefined)?.items ?? [];
  return items.length > 0 && items.every((item) => item.failureType === 'Not actionable');
}

/** The performance audits that cost the most (lowest score first), and the elements behind layout shifts. */
export function diagnosticsOf(lhr: Result): string[] {
  const performanceAudits = new Set((lhr.categories.performance?.auditRefs ?? []).map((ref) => ref.id));
  const weak = Object.values(lhr.audits)
    .filter((a) => performanceAudits.has(a.id) && typeof a.score === 'number' && a.score < 0.9 && a.scoreDisplayMode !== 'informative' && !onlyNotActionable(a))
    .sort((a, b) => (a.score ?? 0) - (b.score ?? 0))
    .slice(0, 5)
    .map((a) => `${a.title}${a.displayValue ? ` (${a.displayValue})` : ''}`);
  const shifts = (lhr.audits['layout-shifts']?.details as { items?: Array<{ node?: { selector?: string; nodeLabel?: string }; score?: number }> } | undefined)?.items ?? [];
  const shifted = shifts
    .slice(0, 3)
    .map((item) => `shift ${item.score?.toFixed(3) ?? '?'}: ${item.node?.selector ?? item.node?.nodeLabel ?? 'unknown element'}`);
  return [...weak, ...shifted].map(redactUrls);
}

function requestedPaths(lhr: Result): Array<{ path: string; status: number }> {
  const details = lhr.audits['network-requests']?.details as { items?: Array<{ url?: string; statusCode?: number }> } | undefined;
  return (details?.items ?? []).flatMap((item) => {
    if (!item.url || !URL.canParse(item.url)) return [];
    return [{ path: new URL(item.url).pathname, status: item.statusCode ?? 0 }];
  });
}

/**
 * The calls page loads in two document loads (the session resume goes through Firmafon) and its data after the
 * token: Lighthouse waits for 3 s of network and CPU quiet there (default 1 s) so the audit ends on the table.
 */
function configFor(page: AuditedPage, formFactor: FormFactor): Config | undefined {
  const base: Config = formFactor === 'desktop' ? desktopConfig : { extends: 'lighthouse:default' };
  if (page === 'sign-in') return formFactor === 'desktop' ? desktopConfig : undefined;
  return { ...base, settings: { ...base.settings, pauseAfterLoadMs: 3000, networkQuietThresholdMs: 3000, cpuQuietThresholdMs: 3000 } };
}

async function audit(
  url: string,
  port: number,
  { page, formFactor, name }: { page: AuditedPage; formFactor: FormFactor; name: string },
  reportsDir: string | undefined,
): Promise<LighthouseScores> {
  const flags: Flags = { port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES, disableStorageReset: true };
  const result = await lighthouse(url, flags, configFor(page, formFactor));
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const lhr = result.lhr;
  if (reportsDir) {
    mkdirSync(reportsDir, { recursive: true });
    writeFileSync(join(reportsDir, `lighthouse-${name}.json`), redactUrls(JSON.stringify(lhr, null, 1)));
  }
  const warnings: string[] = [];
  if (lhr.runtimeError) warnings.push(`${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
  const finalUrl = lhr.finalDisplayedUrl;
  if (page === 'calls') {
    if (new URL(finalUrl).pathname !== '/calls') warnings.push(`ended on ${finalUrl}, not /calls`);
    const calls = requestedPaths(lhr).filter((r) => r.path === '/api/firmafon/calls');
    if (!calls.some((r) => r.status === 200)) warnings.push('no successful /api/firmafon/calls request: the session did not resume');
  }
  return {
    page,
    formFactor,
    loadAverage: loadavg()[0] ?? 0,
    performance: score(lhr, 'performance'),
    accessibility: score(lhr, 'accessibility'),
    bestPractices: score(lhr, 'best-practices'),
    finalUrl,
    warnings,
    notes: lhr.runWarnings.map(redactUrls),
    diagnostics: diagnosticsOf(lhr),
    metrics: {
      fcpMs: numeric(lhr, 'first-contentful-paint'),
      lcpMs: numeric(lhr, 'largest-contentful-paint'),
      tbtMs: numeric(lhr, 'total-blocking-time'),
      cls: numeric(lhr, 'cumulative-layout-shift'),
    },
  };
}

/** Signs in on the sandbox's pages in the audit browser, so that an audit of /calls can resume the session. */
async function signIn(context: BrowserContext, appUrl: string): Promise<void> {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${appUrl}/`);
  await page.getByRole('button', { name: 'Sign in with Firmafon' }).click();
  await page.getByLabel('Email').fill(SANDBOX_USER.email);
  await page.getByLabel('Password').fill(SANDBOX_USER.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('button', { name: 'Authorize' }).click();
  await page.locator('tbody tr[aria-rowindex]').first().waitFor({ timeout: 60_000 });
}

export interface LighthouseOptions {
  formFactors: readonly FormFactor[];
  /** Runs per page and form factor (the report gives their median). */
  runs: number;
  /** The calls page is audited with the sandbox's default number of calls, then again with this many. */
  manyCalls: number;
  /** No new run starts after this (epoch ms), except the first of each page and form factor. */
  deadline: number;
  log: (line: string) => void;
  onAudit?: (audit: LighthouseAudit) => void;
  /** Where to keep Lighthouse's full JSON reports (open them in the Lighthouse viewer); none kept without it. */
  reportsDir?: string | undefined;
}

/**
 * Chromium with a fresh profile and a remote-debugging port for Lighthouse. A persistent context is Chromium's
 * default context, so Lighthouse's tab shares its storage and cookies (the sign-in).
 */
async function withAuditBrowser(work: (context: BrowserContext, port: number) => Promise<void>): Promise<void> {
  const port = await freePort();
  const profile = mkdtempSync(join(tmpdir(), 'bench-lighthouse-'));
  const context = await chromium.launchPersistentContext(profile, {
    ...launchOptions([`--remote-debugging-port=${port}`]),
    viewport: VIEWPORT,
    locale: 'en-GB',
    timezoneId: 'Europe/Copenhagen',
  });
  try {
    await work(context, port);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

export async function measureLighthouse(run: AppRun, options: LighthouseOptions): Promise<LighthouseAudit[]> {
  const control = sandboxControl(run.sandboxUrl);
  const audits: LighthouseAudit[] = [];
  const auditPage = async (port: number, page: AuditedPage, calls: number | null, path: string) => {
    for (const formFactor of options.formFactors) {
      const result: LighthouseAudit = { page, calls, formFactor, runs: [] };
      for (let i = 0; i < options.runs && (i === 0 || Date.now() < options.deadline); i += 1) {
        const name = `${page}${calls === null ? '' : `-${calls}`}-${formFactor}-${i + 1}`;
        const scores = await audit(`${run.appUrl}${path}`, port, { page, formFactor, name }, options.reportsDir);
        result.runs.push(scores);
        options.log(
          `    ${name.padEnd(24)} performance ${scores.performance} · accessibility ${scores.accessibility} · best practices ${scores.bestPractices} · load ${scores.loadAverage.toFixed(1)}` +
            (scores.warnings.length ? `  ⚠︎ ${scores.warnings.join('; ')}` : '') +
            (scores.notes.length ? `  (Lighthouse: ${scores.notes.join('; ')})` : ''),
        );
      }
      if (result.runs.length < options.runs) options.log(`    ${page} ${formFactor}: ${result.runs.length} of ${options.runs} runs, out of time`);
      audits.push(result);
      options.onAudit?.(result);
    }
  };
  // The sign-in page before anyone signed in, then the calls page signed in; a new browser for the long history,
  // because a reset forgets the sign-in and the first browser would resume it on its own.
  await control.reset({ calls: DEFAULT_CALLS });
  await withAuditBrowser(async (context, port) => {
    await auditPage(port, 'sign-in', null, '/');
    await signIn(context, run.appUrl);
    await auditPage(port, 'calls', DEFAULT_CALLS, '/calls');
  });
  await control.reset({ calls: options.manyCalls });
  await withAuditBrowser(async (context, port) => {
    await signIn(context, run.appUrl);
    await auditPage(port, 'calls', options.manyCalls, '/calls');
  });
  return audits;
}
