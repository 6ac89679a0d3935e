/**
 * A change at Firmafon → the team board showing it (issue #13), pushed and polled: signed in on the app run, on /team,
 * a person's presence is changed through the sandbox's control API, alternating busy and available, and each time the
 * page itself notes the first frame that shows the new presence (a MutationObserver and a requestAnimationFrame armed
 * before the change, so Playwright's own polling adds nothing). Then the same with the sandbox's push service stopped,
 * where only the board's 10 s presence poll can bring the change; the changes are spread evenly over the poll's period,
 * so their median is that of a change at a random moment. Push is started again at the end, whatever happens.
 */
import type { Browser, Page } from '@playwright/test';
import type { AppRun } from './app-run.ts';
import { benchInitScript, newContext, signInThroughSandbox } from './browser.ts';
import { percentile } from './stats.ts';
import { sandboxControl, type SandboxControl, type SandboxPresence } from '../../sandbox/client.ts';

/** Nearest-rank percentiles, as stats.ts; p95 rather than p99, which a few dozen samples cannot give. */
export interface EventToScreenSummary {
  n: number;
  min: number;
  p50: number;
  p95: number;
  max: number;
}

export interface EventToScreen {
  /** Changes asked for (fewer may have been timed when the section's time ran out). */
  asked: number;
  /** Event → first frame showing it, ms. */
  summary: EventToScreenSummary;
  /**
   * The control request alone (sent → answered), median ms. The sandbox publishes while it handles the request, so
   * the board can show a pushed change before this answer arrives.
   */
  controlRequestP50: number;
  /** Changes the board did not show within the wait (not in the summary). */
  missed: number;
  /** The 1-minute load average after each change. */
  loadAverage: { min: number; max: number } | null;
}

export interface LiveUpdatesResult {
  /** Whose presence changed. */
  person: string;
  /** `stayedLive`: the board still said push was live after the last pushed change (else some may have been polled). */
  push: EventToScreen & { stayedLive: boolean };
  /** Push stopped: the board polls presence every `pollMs`. */
  polling: EventToScreen & { pollMs: number };
}

export interface LiveUpdatesOptions {
  pushEvents: number;
  pollEvents: number;
  /** No new change after this (epoch ms), except the first of each kind. */
  deadline: number;
  log: (line: string) => void;
  loadAverage: () => number;
}

/** The team board's presence poll without push (`MEMBERS_POLL_MS`, web/src/features/team/api/team-queries.ts). */
export const PRESENCE_POLL_MS = 10_000;
/** Employee 4 of the sandbox's data (e2e/push.spec.ts uses the same person). */
export const PERSON = { id: 4, name: 'Mikkel Pedersen' } as const;
const PUSHED = 'Live: updates as they happen.';
const POLLING = 'Live updates are not reaching the dashboard just now: updated every few seconds instead.';
/** How long a change may take to show before it counts as missed. */
const PUSH_WAIT_MS = 10_000;
const POLL_WAIT_MS = PRESENCE_POLL_MS * 3;
/** How long a missed change may take to show after all: with push live the board still polls, once a minute. */
const CATCH_UP_MS = 75_000;

export function summarizeEventToScreen(samples: readonly number[]): EventToScreenSummary {
  const sorted = [...samples].sort((a, b) => a - b);
  return { n: sorted.length, min: sorted[0] ?? Number.NaN, p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1) ?? Number.NaN };
}

/**
 * When to make each of `count` changes, in ms after the previous one showed (which is just after a poll's answer):
 * evenly over the poll's `periodMs`, so the changes meet every phase of the poll once, as changes at random moments
 * would on average, without a random spread to the figures.
 */
export function pollPhaseOffsets(count: number, periodMs: number): number[] {
  return Array.from({ length: count }, (_, i) => Math.round((i * periodMs) / count));
}

/** The presence each change sets: busy after anything else, then available, busy, … */
export const nextPresence = (shown: string | null): SandboxPresence => (shown === 'busy' ? 'available' : 'busy');

/**
 * Page-side: arms a watch for `name`'s row on the board showing `presence` (its `data-presence`) and keeps, as
 * `window.__eventToScreen`, a promise of the wall-clock ms (Date.now(), the same clock as the bench's) when the DOM
 * first showed it and of the first frame after that (≈ its paint), or null after `timeoutMs`.
 */
const ARM_WATCH = `(name, presence, timeoutMs) => {
  const shows = () => [...document.querySelectorAll('li[data-presence]')].some(
    (row) => row.getAttribute('data-presence') === presence && (row.querySelector('.team-member__name')?.textContent ?? '').trim().startsWith(name),
  );
  if (shows()) throw new Error(name + ' already shows ' + presence);
  window.__eventToScreen = new Promise((resolve) => {
    const timer = setTimeout(() => { observer.disconnect(); resolve(null); }, timeoutMs);
    const observer = new MutationObserver(() => {
      if (!shows()) return;
      const domAt = Date.now();
      observer.disconnect();
      clearTimeout(timer);
      requestAnimationFrame(() => setTimeout(() => resolve({ domAt, paintAt: Date.now() }), 0));
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-presence'], characterData: true });
  });
}`;

type Shown = { domAt: number; paintAt: number } | null;

/** One change: arms the page's watch, asks the sandbox, answers when the change showed (or null), and the request's time. */
async function change(page: Page, control: SandboxControl, presence: SandboxPresence, waitMs: number): Promise<{ shown: Shown; startAt: number; requestMs: number }> {
  await page.evaluate(`(${ARM_WATCH})(${JSON.stringify(PERSON.name)}, ${JSON.stringify(presence)}, ${waitMs})`);
  const startAt = Date.now();
  await control.setPresence(PERSON.id, presence);
  const requestMs = Date.now() - startAt;
  const shown = (await page.evaluate('window.__eventToScreen')) as Shown;
  return { shown, startAt, requestMs };
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function measureLiveUpdates(run: AppRun, browser: Browser, options: LiveUpdatesOptions): Promise<LiveUpdatesResult> {
  const control = sandboxControl(run.sandboxUrl);
  await control.reset();
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    await page.addInitScript(benchInitScript(run.appUrl));
    await signInThroughSandbox(page, run.appUrl, { consent: true });
    // In the app, so the token in memory stays (a navigation would bounce through Firmafon for a new one).
    await page.getByRole('link', { name: 'Team', exact: true }).click();
    await page.getByText(PUSHED).waitFor({ timeout: 60_000 });

    const row = page.getByRole('list', { name: 'People' }).locator('li[data-presence]', { hasText: PERSON.name });
    const shownPresence = () => row.getAttribute('data-presence');
    /** An untimed change, so the timed ones start from a known state (and, polled, just after a poll's answer). */
    const settle = async (waitMs: number) => {
      const presence = nextPresence(await shownPresence());
      const { shown } = await change(page, control, presence, waitMs);
      if (!shown) throw new Error(`the board did not show ${PERSON.name} as ${presence} within ${waitMs / 1000} s`);
    };
    const measure = async (kind: string, events: number, waitMs: number, before: (index: number) => Promise<void>): Promise<EventToScreen> => {
      const samples: number[] = [];
      const requests: number[] = [];
      const loads: number[] = [];
      let missed = 0;
      let asked = 0;
      for (let i = 0; i < events && (i === 0 || Date.now() < options.deadline); i += 1) {
        await before(i);
        const presence = nextPresence(await shownPresence());
        const { shown, startAt, requestMs } = await change(page, control, presence, waitMs);
        asked += 1;
        requests.push(requestMs);
        const load = options.loadAverage();
        loads.push(load);
        if (!shown) {
          missed += 1;
          options.log(`    ${kind} #${i + 1}: ${presence} not shown within ${waitMs / 1000} s (load ${load.toFixed(1)})`);
          // The next change starts from it, once the board shows it.
          await page.getByRole('list', { name: 'People' }).locator(`li[data-presence="${presence}"]`, { hasText: PERSON.name }).waitFor({ timeout: CATCH_UP_MS });
          continue;
        }
        samples.push(shown.paintAt - startAt);
        options.log(
          `    ${kind} #${i + 1}: ${presence} on screen ${shown.paintAt - startAt} ms after the change (in the DOM at ${shown.domAt - startAt} ms; control request ${requestMs} ms; load ${load.toFixed(1)})`,
        );
      }
      return {
        asked,
        summary: summarizeEventToScreen(samples),
        controlRequestP50: percentile([...requests].sort((a, b) => a - b), 50),
        missed,
        loadAverage: loads.length ? { min: Math.min(...loads), max: Math.max(...loads) } : null,
      };
    };

    await row.waitFor();
    await settle(PUSH_WAIT_MS);
    const pushed = await measure('push', options.pushEvents, PUSH_WAIT_MS, async () => {});
    const stayedLive = await page.getByText(PUSHED).isVisible();
    if (!stayedLive) options.log('    ⚠︎ push was no longer live after the last pushed change');

    await control.setPush(false);
    await page.getByText(POLLING).waitFor({ timeout: 60_000 });
    await settle(POLL_WAIT_MS);
    const offsets = pollPhaseOffsets(options.pollEvents, PRESENCE_POLL_MS);
    // This wait places the change in the poll's period; it does not wait for the page.
    const polling = await measure('polled', options.pollEvents, POLL_WAIT_MS, (i) => delay(offsets[i] ?? 0));
    return { person: PERSON.name, push: { ...pushed, stayedLive }, polling: { ...polling, pollMs: PRESENCE_POLL_MS } };
  } finally {
    await control.setPush(true).catch(() => {});
    await context.close();
  }
}
