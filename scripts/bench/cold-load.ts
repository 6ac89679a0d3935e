/**
 * The targets of issue #15 ("Open or reload the dashboard fast") and the judgements the report makes on the bench's
 * figures: is a target met, and, where it is not, what the measurements say about why. Pure functions of the
 * results, so they are unit-tested; report.ts renders them.
 */
import { KB } from '../sizes.ts';
import type { AuthCodeSize } from './auth-size.ts';
import type { FirmafonTripsResult } from './firmafon-trips.ts';
import type { DesignReloads } from './reload.ts';

export const COLD_LOAD_TARGETS = {
  /** Lighthouse performance, cold load of /calls with the resume bounce, median of 3. */
  callsMobile: 98,
  callsDesktop: 100,
  /** Lighthouse performance of the sign-in page, both form factors. */
  signIn: 100,
  /** JS downloaded before the redirect to Firmafon on a reload, gzip. */
  beforeRedirectJs: 5 * KB,
  /** Reload of /calls → filled table: the new design at least this much faster than the old (a fraction). */
  reloadFaster: 0.3,
  /** Our own SPA auth code, esbuild minified, gzip. */
  authCode: 3 * KB,
  /** The delay between the functions and Firmafon the bench adds for the trip count: 90 ms each way. */
  firmafonDelayMs: 180,
} as const;

/** Figures of the peers, as quoted in issue #15 (not measured by the bench): gzip, dependencies included. */
export const PEER_AUTH_LIBRARIES = [
  { name: 'oidc-client-ts + react-oidc-context', gzip: 19.2 * KB },
  { name: '@auth0/auth0-spa-js', gzip: 65.1 * KB },
] as const;

/** How much faster `after` is than `before`, as a fraction of `before` (0.3 = 30 % faster; negative: slower). */
export function fasterBy(before: number, after: number): number {
  return (before - after) / before;
}

/**
 * How many trips to Firmafon a user waits for one after another: the extra median time that the delay added,
 * divided by the delay of one trip. Null without both medians.
 */
export function sequentialTrips(trips: FirmafonTripsResult, delayMs: number): { extraMs: number; trips: number } | null {
  const none = trips.cells.find((c) => c.latencyMs === 0)?.callbackToTable;
  const delayed = trips.cells.find((c) => c.latencyMs === delayMs)?.callbackToTable;
  if (!none || !delayed || none.n === 0 || delayed.n === 0) return null;
  const extraMs = delayed.p50 - none.p50;
  return { extraMs, trips: extraMs / delayMs };
}

/**
 * The same count from the browser's network events, less disturbed by the CPU: how much the delay lengthened the
 * token request and the data requests (medians), over the delay of one trip. Null without both.
 */
export function tripsInRequests(trips: FirmafonTripsResult, delayMs: number): { tokenExtraMs: number; dataExtraMs: number; trips: number } | null {
  const none = trips.cells.find((c) => c.latencyMs === 0);
  const delayed = trips.cells.find((c) => c.latencyMs === delayMs);
  if (!none || !delayed || !none.token.n || !delayed.token.n || !none.data.n || !delayed.data.n) return null;
  const tokenExtraMs = delayed.token.p50 - none.token.p50;
  const dataExtraMs = delayed.data.p50 - none.data.p50;
  return { tokenExtraMs, dataExtraMs, trips: (tokenExtraMs + dataExtraMs) / delayMs };
}

/** Where a reload's time goes, from the medians of its phases (each phase's own samples, so they need not add up). */
export interface ReloadPhases {
  /** Reload → left for Firmafon: deciding to bounce (the old design boots the app first). */
  beforeLeavingMs: number;
  /** Left → the callback document arrived: the trip through Firmafon's authorize. */
  bounceMs: number;
  /** The callback document → the first frame with rows: redeeming the code, loading the app and the data. */
  callbackToTableMs: number;
}

const median = (values: ReadonlyArray<number | null>) => {
  const sorted = values.filter((v): v is number => v !== null && !Number.isNaN(v)).sort((a, b) => a - b);
  return sorted.length ? (sorted[Math.ceil(sorted.length / 2) - 1] ?? null) : null;
};

export function reloadPhases(design: DesignReloads): ReloadPhases {
  return {
    beforeLeavingMs: median(design.samples.map((s) => s.leaveMs)) ?? Number.NaN,
    bounceMs: median(design.samples.map((s) => s.callbackMs - s.leaveMs)) ?? Number.NaN,
    callbackToTableMs: median(design.samples.map((s) => s.tableMs - s.callbackMs)) ?? Number.NaN,
  };
}

/** The steps of a reload, each from one milestone to the next, in the order they happen. */
export const RELOAD_STEPS = [
  'the reloaded page’s HTML',
  'HTML → config request sent (loading and running the page’s scripts)',
  'the config request (/api/config)',
  'config → leaving for Firmafon',
  'the bounce through Firmafon',
  'callback HTML → token request sent',
  'the token exchange (/api/auth/token)',
  'token → data requests sent',
  'the data requests (employee, first calls page)',
  'data → first frame with rows',
] as const;
export type ReloadStep = (typeof RELOAD_STEPS)[number];

/**
 * Each step's median duration over a design's reloads (a step of a run counts only when both its ends were seen;
 * a missing milestone, e.g. no config request, joins its time to the next step).
 */
export function reloadSteps(design: DesignReloads): Array<{ step: ReloadStep; ms: number | null }> {
  const perRun = design.samples.map((s) => {
    const t = s.timeline;
    const marks: Array<number | null> = [0, t.htmlAt, t.configSentAt, t.configAt, s.leaveMs, s.callbackMs, t.tokenSentAt, t.tokenAt, t.dataSentAt, t.dataAt, s.tableMs];
    return RELOAD_STEPS.map((_, i) => {
      const to = marks[i + 1];
      if (to === null || to === undefined) return null;
      // From the latest milestone before it that was seen.
      const from = marks.slice(0, i + 1).reverse().find((m): m is number => m !== null && m !== undefined) ?? 0;
      return to - from;
    });
  });
  return RELOAD_STEPS.map((step, i) => ({ step, ms: median(perRun.map((run) => run[i] ?? null)) }));
}

const ms = (v: number | null) => (v === null ? '–' : `${Math.round(v)} ms`);

/**
 * The reload target's verdict and, when missed, its reason from the measured steps: what the first script shortened,
 * and which steps take most of the new design's time.
 */
export function reloadVerdict(before: DesignReloads, after: DesignReloads): { change: number; met: boolean; why: string } {
  const change = fasterBy(before.table.p50, after.table.p50);
  const met = change >= COLD_LOAD_TARGETS.reloadFaster;
  const b = reloadPhases(before);
  const a = reloadPhases(after);
  const phases: Array<[string, number, number]> = [
    ['before leaving for Firmafon', b.beforeLeavingMs, a.beforeLeavingMs],
    ['the bounce through Firmafon', b.bounceMs, a.bounceMs],
    ['callback → table', b.callbackToTableMs, a.callbackToTableMs],
  ];
  const summary = `median phases, old → new: ${phases.map(([name, old, now]) => `${name} ${ms(old)} → ${ms(now)}`).join('; ')}`;
  if (met) return { change, met, why: summary };
  const oldSteps = reloadSteps(before);
  const largest = reloadSteps(after)
    .filter((x): x is { step: ReloadStep; ms: number } => x.ms !== null)
    .sort((x, y) => y.ms - x.ms)
    .slice(0, 2)
    .map((x) => `${x.step} ${ms(x.ms)} (old ${ms(oldSteps.find((o) => o.step === x.step)?.ms ?? null)})`);
  return {
    change,
    met,
    why: `${summary}. The longest steps of the new reload (medians): ${largest.join(', ')}`,
  };
}

/** The auth code's verdict and, when missed, the largest modules in its bundle. */
export function authCodeVerdict(size: AuthCodeSize, top = 5): { met: boolean; why: string } {
  const met = size.gzip <= COLD_LOAD_TARGETS.authCode;
  const largest = size.modules
    .slice(0, top)
    .map((m) => `${m.path.replace(/^web\/src\//, '')} ${(m.bytes / KB).toFixed(1)} KB`)
    .join(', ');
  return { met, why: met ? '' : `${(size.bytes / KB).toFixed(1)} KB minified before gzip; largest modules (minified): ${largest}` };
}
