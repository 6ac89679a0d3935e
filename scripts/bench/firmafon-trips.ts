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
import { summarize, type Summary } from './stats.ts';
import { sandboxControl } from '../../sandbox/client.ts';

export interface DelayedSignIns {
  latencyMs: number;
  callbackToTable: Summary;
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
  const samples = new Map<number, number[]>(options.latenciesMs.map((latency) => [latency, []]));
  const loads: number[] = [];
  const signIn = async (consent: boolean): Promise<number> => {
    const context = await newContext(browser);
    try {
      const page = await context.newPage();
      await page.addInitScript(benchInitScript(run.appUrl));
      const marks = await signInThroughSandbox(page, run.appUrl, { consent });
      return marks.paintAt - marks.callbackAt;
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
        const ms = await signIn(false);
        samples.get(latencyMs)?.push(ms);
        const load = options.loadAverage();
        loads.push(load);
        options.log(`    delay ${String(latencyMs).padStart(3)} ms #${i + 1}: callback → table ${Math.round(ms)} ms (load ${load.toFixed(1)})`);
      }
    }
  } finally {
    await control.settings({ latencyMs: 0 }).catch(() => {});
  }
  return {
    cells: options.latenciesMs.map((latencyMs) => ({ latencyMs, callbackToTable: summarize(samples.get(latencyMs) ?? []) })),
    loadAverage: { min: Math.min(...loads), max: Math.max(...loads) },
  };
}
