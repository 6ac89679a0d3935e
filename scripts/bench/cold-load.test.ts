import { describe, expect, it } from 'vitest';
import type { AuthCodeSize } from './auth-size.ts';
import { authCodeVerdict, fasterBy, reloadPhases, reloadSteps, reloadVerdict, sequentialTrips, tripsInRequests } from './cold-load.ts';
import type { DesignReloads, ReloadSample } from './reload.ts';
import { summarize } from './stats.ts';

const design = (name: string, samples: ReloadSample[]): DesignReloads => ({
  name,
  label: name,
  samples,
  table: summarize(samples.map((s) => s.tableMs)),
  leave: summarize(samples.map((s) => s.leaveMs)),
  callback: summarize(samples.map((s) => s.callbackMs)),
  loadAverage: { min: 0.5, max: 0.8 },
  jsBeforeRedirect: { files: [], transferred: 0, bodyBytes: 0, redirected: true },
});
const sample = (leaveMs: number, callbackMs: number, tableMs: number, timeline: Partial<ReloadSample['timeline']> = {}): ReloadSample => ({
  leaveMs,
  callbackMs,
  tableMs,
  timeline: { htmlAt: null, configSentAt: null, configAt: null, tokenSentAt: null, tokenAt: null, dataSentAt: null, dataAt: null, ...timeline },
});

describe('fasterBy', () => {
  it('is the time saved as a fraction of the old time, negative when the new one is slower', () => {
    expect(fasterBy(1000, 700)).toBeCloseTo(0.3);
    expect(fasterBy(1000, 1100)).toBeCloseTo(-0.1);
  });
});

describe('sequentialTrips', () => {
  const trips = (p50At0: number, p50AtDelay: number) => ({
    cells: [
      { latencyMs: 0, callbackToTable: summarize([p50At0 - 10, p50At0, p50At0 + 10]), token: summarize([100]), data: summarize([150]) },
      { latencyMs: 180, callbackToTable: summarize([p50AtDelay, p50AtDelay + 50, p50AtDelay - 50]), token: summarize([290]), data: summarize([320]) },
    ],
    loadAverage: { min: 1, max: 1 },
  });

  it('divides the extra median time by the delay of one trip', () => {
    expect(sequentialTrips(trips(600, 960), 180)).toEqual({ extraMs: 360, trips: 2 });
  });

  it('is null when one of the delays has no sign-ins', () => {
    const empty = summarize([]);
    expect(sequentialTrips({ cells: [{ latencyMs: 0, callbackToTable: summarize([500]), token: empty, data: empty }], loadAverage: { min: 1, max: 1 } }, 180)).toBeNull();
  });

  it('counts the trips in the requests too: the extra time of the token request and of the data requests', () => {
    expect(tripsInRequests(trips(600, 960), 180)).toEqual({ tokenExtraMs: 190, dataExtraMs: 170, trips: 2 });
  });
});

describe('the reload target', () => {
  it('splits each design’s reloads into the median phases', () => {
    expect(reloadPhases(design('new', [sample(100, 400, 900), sample(120, 380, 1000), sample(90, 450, 950)]))).toEqual({
      beforeLeavingMs: 100,
      bounceMs: 300,
      callbackToTableMs: 500,
    });
  });

  it('is met at 30 % faster and names the phases old → new', () => {
    const old = design('old', [sample(1000, 1300, 2000)]);
    const now = design('new', [sample(300, 600, 1400)]);
    const verdict = reloadVerdict(old, now);
    expect(verdict.change).toBeCloseTo(0.3);
    expect(verdict.met).toBe(true);
    expect(verdict.why).toContain('before leaving for Firmafon 1000 ms → 300 ms');
  });

  it('times each step between milestones; a missing milestone joins its time to the next step', () => {
    const steps = reloadSteps(design('new', [sample(300, 600, 2000, { htmlAt: 100, configSentAt: 150, tokenSentAt: 700, tokenAt: 900, dataAt: 1500 })]));
    expect(steps.map((s) => s.ms)).toEqual([100, 50, null, 150, 300, 100, 200, null, 600, 500]);
  });

  it('when missed, names the longest steps of the new reload beside the old ones', () => {
    const verdict = reloadVerdict(
      design('old', [sample(1000, 1300, 4000, { htmlAt: 50, tokenSentAt: 2000, tokenAt: 2200, dataAt: 2600 })]),
      design('new', [sample(300, 600, 3900, { htmlAt: 50, tokenSentAt: 700, tokenAt: 900, dataAt: 1300 })]),
    );
    expect(verdict.met).toBe(false);
    expect(verdict.why).toContain(
      'The longest steps of the new reload (medians): data → first frame with rows 2600 ms (old 1400 ms), the data requests (employee, first calls page) 400 ms (old 400 ms)',
    );
  });
});

describe('the auth code target', () => {
  const size = (gzip: number): AuthCodeSize => ({
    bytes: 12_000,
    gzip,
    modules: [
      { path: 'web/src/features/auth/model/complete-sign-in.ts', bytes: 1432 },
      { path: 'web/src/lib/fetch-json.ts', bytes: 1239 },
    ],
    external: [],
  });

  it('is met at 3 KB or less', () => {
    expect(authCodeVerdict(size(3000))).toEqual({ met: true, why: '' });
  });

  it('when missed, lists the largest modules of the bundle', () => {
    expect(authCodeVerdict(size(4673)).why).toBe(
      '12.0 KB minified before gzip; largest modules (minified): features/auth/model/complete-sign-in.ts 1.4 KB, lib/fetch-json.ts 1.2 KB',
    );
  });
});
