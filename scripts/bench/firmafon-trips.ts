/**
 * Callback → filled table with and without a delay between the functions and Firmafon (issue #15, item 5): the
 * sandbox's `latencyMs` holds back every token and REST answer, so 180 ms stands for 90 ms each way across the
 * Atlantic (functions in the US, Firmafon in Denmark). Returning sign-ins in fresh browser contexts, the delays
 * interleaved run by run; the difference of the medians over the delay is how many trips to Firmafon a user waits
 * for one after another. The delay is set back to 0 at the end, whatever happens.
 */
import type { Browser } from '@playwright/test';
import type { AppRun } from './app-run.ts';
import { benchInitScript, newContext, signInThroughSandbox } from './browser.ts';
import { recordNetwork, reloadTimeline } from './reload.ts';
import { summarize, type Summary } from './stats.ts';
import { sandboxControl } from '../../sandbox/client.ts';

export interface DelayedSignIns {
  latencyMs: number;
  callbackToTable: Summary;
  /** The token request, sent → answered (`POST /api/auth/token`, from the browser's network events). */
  token: Summary;
  /** The data requests after the token: the first sent → the last answered before the table painted. */
  data: Summary;
}

export interface FirmafonTripsResult {
  cells: DelayedSignIns[];
  /** The 1-minute load average over the runs. */
  loadAverage: { min: number; max: number };
}

export interface FirmafonTripsOptions {
  latenciesMs: readonly number[];
  runs: number;
  /** No new round starts after this (epoch ms), except the first. */
  deadline: number;
  log: (line: string) => void;
  loadAverage: () => number;
}

export async function measureFirmafonTrips(run: AppRun, browser: Browser, options: FirmafonTripsOptions): Promise<FirmafonTripsResult> {
  const control = sandboxControl(run.sandboxUrl);
  type Sample = { callbackToTable: number; token: number | null; data: number | null };
  const samples = new Map<number, Sample[]>(options.latenciesMs.map((latency) => [latency, []]));
  const loads: number[] = [];
  const signIn = async (consent: boolean): Promise<Sample> => {
    const context = await newContext(browser);
    try {
      const page = await context.newPage();
      await page.addInitScript(benchInitScript(run.appUrl));
      const session = await context.newCDPSession(page);
      await session.send('Network.enable');
      const network = recordNetwork(session);
      const marks = await signInThroughSandbox(page, run.appUrl, { consent });
      const t = reloadTimeline(network.records(), `${run.sandboxUrl}/api/v2/authorize`, marks.callbackAt, marks.paintAt);
      const span = (from: number | null, to: number | null) => (from === null || to === null ? null : to - from);
      return { callbackToTable: marks.paintAt - marks.callbackAt, token: span(t.tokenSentAt, t.tokenAt), data: span(t.dataSentAt, t.dataAt) };
    } finally {
      await context.close();
    }
  };
  try {
    // Approve the app once, so the timed sign-ins are all alike (login only), and warm the app run up.
    await control.reset();
    await control.settings({ latencyMs: 0 });
    await signIn(true);
    for (let i = 0; i < options.runs && (i === 0 || Date.now() < options.deadline); i += 1) {
      for (const latencyMs of options.latenciesMs) {
        await control.settings({ latencyMs });
        const sample = await signIn(false);
        samples.get(latencyMs)?.push(sample);
        const load = options.loadAverage();
        loads.push(load);
        const round = (v: number | null) => (v === null ? '–' : String(Math.round(v)));
        options.log(
          `    delay ${String(latencyMs).padStart(3)} ms #${i + 1}: callback → table ${round(sample.callbackToTable)} ms (token request ${round(sample.token)} ms, data requests ${round(sample.data)} ms; load ${load.toFixed(1)})`,
        );
      }
    }
  } finally {
    await control.settings({ latencyMs: 0 }).catch(() => {});
  }
  return {
    cells: options.latenciesMs.map((latencyMs) => {
      const list = samples.get(latencyMs) ?? [];
      const known = (values: Array<number | null>) => values.filter((v): v is number => v !== null);
      return {
        latencyMs,
        callbackToTable: summarize(list.map((s) => s.callbackToTable)),
        token: summarize(known(list.map((s) => s.token))),
        data: summarize(known(list.map((s) => s.data))),
      };
    }),
    loadAverage: { min: Math.min(...loads), max: Math.max(...loads) },
  };
}
