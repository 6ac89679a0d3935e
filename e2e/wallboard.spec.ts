/**
 * The wallboard in a real browser against the sandbox: full screen (no header), a call the sandbox rings shows as
 * waiting and leaves the count when answered and when it ends, today's figures agree with the calls page's
 * overview, it is dark under a light system theme, axe passes and it fits 375 px and 1920 × 1080, in English and
 * Danish; and a simulated hour across Copenhagen midnight on a fake clock with a flat JS heap. It polls, so the
 * tests wait for states, never for times.
 */
import AxeBuilder from '@axe-core/playwright';
import type { CDPSession, Page } from '@playwright/test';
import { dateKeyAt, nextDateKey, startOfDay } from '../common/copenhagen-time.ts';
import { expect as baseExpect, signIn, test, type SandboxControl } from './fixtures.ts';

/** Polled state arrives within one poll (≤ 10 s) on an idle machine; a busy one needs longer. */
const expect = baseExpect.configure({ timeout: 30_000 });

test.describe.configure({ timeout: 180_000 });

const waiting = (page: Page) => page.getByTestId('wallboard-waiting');
const longestWait = (page: Page) => page.getByTestId('wallboard-longest-wait');
const answered = (page: Page) => page.getByTestId('wallboard-answered');
const notCalledBack = (page: Page) => page.getByTestId('wallboard-not-called-back');

async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

test.describe('wallboard', () => {
  test("agrees with the calls page's overview, and follows a call from waiting to answered to gone", async ({ page, sandbox }) => {
    await signIn(page, { startAt: '/wallboard' });
    await expect(page.getByRole('heading', { level: 1, name: 'Wallboard' })).toBeVisible();
    await expect(page.getByRole('banner')).toHaveCount(0);
    await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);

    // Today's figures, once loaded, are the calls page's overview figures.
    await expect(notCalledBack(page)).toHaveText(/^\d+$/);
    await expect(answered(page)).toHaveText(/^(\d+\s?%|–)$/);
    const wallAnswered = (await answered(page).textContent()) ?? '';
    const wallNotCalledBack = Number(await notCalledBack(page).textContent());
    await expect(page.getByTestId('wallboard-available')).toHaveText(/^\d+$/);

    await page.getByRole('link', { name: 'Team board' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Team' })).toBeVisible();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Calls' }).click();
    const overview = page.getByRole('region', { name: 'Today' });
    const answeredStat = overview.getByRole('term').filter({ hasText: /^Answered$/ }).locator('xpath=following-sibling::dd');
    await expect(answeredStat).toHaveText(wallAnswered === '–' ? '—' : wallAnswered);
    const callers = overview.getByRole('heading', { name: 'Missed and not called back' }).locator('xpath=following-sibling::ul[1]/li');
    if (wallNotCalledBack === 0) await expect(overview.getByText('Everyone who called today has been answered or called back.')).toBeVisible();
    else await expect(callers).toHaveCount(wallNotCalledBack);

    // Back to the wall by the team board's link.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Team' }).click();
    await page.getByRole('link', { name: 'Open the wallboard' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Wallboard' })).toBeVisible();
    await expect(waiting(page)).toHaveText('0');
    await expect(longestWait(page)).toHaveText('–');

    const { callUuid } = await sandbox.ringCall({ receptionId: 1 });
    await expect(waiting(page)).toHaveText('1');
    await expect(longestWait(page)).toHaveText(/^\d+ s$|^\d+ min \d\d s$/);
    await sandbox.ringMore(callUuid, [4]);
    await sandbox.answerCall(callUuid, 4);
    await expect(waiting(page)).toHaveText('0');
    await expect(longestWait(page)).toHaveText('–');

    const second = await sandbox.ringCall({ receptionId: 2 });
    await expect(waiting(page)).toHaveText('1');
    await sandbox.endCall(second.callUuid);
    await expect(waiting(page)).toHaveText('0');
    await sandbox.endCall(callUuid);
  });

  test('is dark under a light system theme, passes axe and fits 1920 × 1080 and 375 px, in English and Danish', async ({ page, sandbox }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 1920, height: 1080 });
    await sandbox.ringCall({ receptionId: 1 });
    await signIn(page, { startAt: '/wallboard' });
    await expect(waiting(page)).toHaveText('1');
    await expect(page.getByTestId('wallboard-available')).toHaveText(/^\d+$/);
    await expect(notCalledBack(page)).toHaveText(/^\d+$/);

    const looks = await page.evaluate(() => {
      const figure = document.querySelector('[data-testid="wallboard-waiting"]');
      return {
        background: getComputedStyle(document.body).backgroundColor,
        figurePx: figure ? Number.parseFloat(getComputedStyle(figure).fontSize) : 0,
        width: document.documentElement.scrollWidth,
        height: document.documentElement.scrollHeight,
      };
    });
    expect(looks.background).toBe('rgb(11, 17, 20)');
    // Readable across a room: figures over 100 px tall on a 1080p screen, all of it on one screen.
    expect(looks.figurePx).toBeGreaterThanOrEqual(100);
    expect(looks.width).toBeLessThanOrEqual(1920);
    expect(looks.height).toBeLessThanOrEqual(1080);
    expect(await axeViolations(page)).toEqual([]);

    await page.setViewportSize({ width: 375, height: 740 });
    await expect(waiting(page)).toHaveText('1');
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

    // The language is chosen in the header, which the wall does not show: on the team board, then back.
    await page.getByRole('link', { name: 'Team board' }).click();
    await page.getByRole('button', { name: 'Dansk' }).click();
    await page.getByRole('link', { name: 'Åbn vægskærmen' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Vægskærm' })).toBeVisible();
    await expect(page.getByText('Opkald i kø')).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  });
});

const MINUTE = 60_000;

/**
 * Counts the page's requests in flight, so a test on a paused fake clock can let the polls a step fired land before
 * it moves the clock again: `__apiIdle()` resolves once every fetch has its whole body. Event-driven (no timers,
 * which the fake clock would hold back).
 */
async function countFetches(page: Page): Promise<void> {
  await page.addInitScript(() => {
    let inFlight = 0;
    const waiters: Array<() => void> = [];
    const original = window.fetch.bind(window);
    window.fetch = async (input, init) => {
      inFlight += 1;
      try {
        const response = await original(input, init);
        await response.clone().arrayBuffer();
        return response;
      } finally {
        inFlight -= 1;
        if (inFlight === 0) for (const resolve of waiters.splice(0)) resolve();
      }
    };
    (window as unknown as { __apiIdle: () => Promise<void> }).__apiIdle = () =>
      inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiters.push(resolve));
  });
}

/** The JS heap in use after two full garbage collections (the second takes what the first only finalised). */
async function heapUsed(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  return (await cdp.send('Runtime.getHeapUsage')).usedSize;
}

const kb = (bytes: number) => `${Math.round(bytes / 1024)} KB`;

/** A call the hour drives through the sandbox: rung at `ringAt`, answered (or not) and ended at `endAt` (minutes). */
interface ScriptedCall {
  ringAt: number;
  answerAt: number | null;
  endAt: number;
  fromNumber: string;
  uuid?: string;
}

test.describe('wallboard over a simulated hour', () => {
  /**
   * The page runs on Playwright's fake clock, paused, and the test moves it on 20 s at a time, so every timer the
   * wall has fires at its simulated time: calls in progress every 3 s, presence every 10 s, the day's calls every
   * 60 s, the second clock, the Copenhagen date check and React Query's cache collection. At each simulated minute
   * the test drives the sandbox's calls, sets the sandbox's clock to the page's (control API `clock`, so a call it
   * rings starts at the page's "now" and lands on the page's Copenhagen day) and waits until the page's requests
   * have been answered, so every poll's answer of that minute lands (a poll due while its last request is still out
   * joins it, as React Query does). Waiting for answers, not for time, keeps it deterministic on a busy machine.
   *
   * What fake timers change, and why it is sound here: React Query hands its notifications to `setTimeout(0)`
   * (notifyManager), so an answer reaches the screen when the clock next moves — the final checks keep moving it
   * while they wait. Focus and visibility are real (the page stays visible), so the intervals run as on a wall
   * screen; fetch, React's scheduler (MessageChannel) and the network are not faked.
   *
   * The heap is measured after forced garbage collection once the wall has warmed up (10 simulated minutes) and
   * again an hour later, after midnight. It grows by about 0.5 MB: some 0.15 MB with no calls at all (V8 still
   * warming code, less in each ten minutes) and the rest the hour's calls and the code that shows them. The bound,
   * 1 MB, sits well above that and well below what keeping one poll's answer a minute costs: with the day's calls
   * kept once a minute (about 50 lists of some 50 calls after the midnight rush) the growth was 2.2 MB.
   */
  test('runs for an hour across Copenhagen midnight with a flat JS heap, and still shows current data', async ({ page, sandbox }) => {
    test.setTimeout(300_000);
    const STEP_MS = 20_000;
    const WARM_UP_MIN = 10;
    const MIDNIGHT_MIN = 20;
    const END_MIN = WARM_UP_MIN + 60;
    const HEAP_GROWTH_BOUND = 1024 * 1024;

    // Minute 0 is 23:40 in Copenhagen, tonight (or tomorrow night, if tonight's is less than half an hour away);
    // midnight is minute 20. Signing in happens first, on the fake clock still running at the real time: the token
    // function refuses a sign-in whose browser-made state is hours off its own clock (ADR 11). Then the clock jumps
    // ahead to minute 0 (each timer due fires once) and stays paused, and the sandbox's clock follows.
    const start = startOfDay(nextDateKey(dateKeyAt(Date.now() + 30 * MINUTE))) - MIDNIGHT_MIN * MINUTE;
    const at = (minute: number) => start + minute * MINUTE;
    await page.clock.install();
    await countFetches(page);
    await signIn(page, { startAt: '/wallboard' });
    await expect(waiting(page)).toHaveText('0');
    await page.clock.pauseAt(at(0));
    await sandbox.setClock(at(0));

    const cdp = await page.context().newCDPSession(page);
    const idle = () => page.evaluate(() => (window as unknown as { __apiIdle: () => Promise<void> }).__apiIdle());

    // Every 4 minutes a call waits in the queue, is answered a minute later and ends a minute after that; every 6
    // minutes a caller hangs up unanswered; someone's presence changes every 5 minutes. Unique numbers, so each
    // missed caller counts once.
    const calls: ScriptedCall[] = [];
    for (let m = 1; m <= END_MIN - 5; m += 1) {
      if (m % 4 === 1) calls.push({ ringAt: m, answerAt: m + 1, endAt: m + 2, fromNumber: `4530${String(m).padStart(6, '0')}` });
      if (m % 6 === 5) calls.push({ ringAt: m, answerAt: null, endAt: m + 1, fromNumber: `4540${String(m).padStart(6, '0')}` });
    }
    // Just after midnight a rush: 40 callers queue and hang up unanswered, so the new day's list is long all hour.
    for (let i = 0; i < 40; i += 1) {
      calls.push({ ringAt: MIDNIGHT_MIN + 1, answerAt: null, endAt: MIDNIGHT_MIN + 3, fromNumber: `4560${String(i).padStart(6, '0')}` });
    }
    // In the last minutes: one more caller hangs up, and one waits on to the end.
    calls.push({ ringAt: END_MIN - 3, answerAt: null, endAt: END_MIN - 2, fromNumber: '4550000001' });
    const lastWaiting = { ringAt: END_MIN - 2, fromNumber: '4550000002' };

    async function drive(control: SandboxControl, minute: number): Promise<void> {
      await control.setClock(at(minute));
      for (const call of calls) {
        if (call.ringAt === minute) call.uuid = (await control.ringCall({ receptionId: 1, fromNumber: call.fromNumber })).callUuid;
        if (call.answerAt === minute && call.uuid) {
          await control.ringMore(call.uuid, [4]);
          await control.answerCall(call.uuid, 4);
        }
        if (call.endAt === minute && call.uuid) await control.endCall(call.uuid);
      }
      if (minute === lastWaiting.ringAt) await control.ringCall({ receptionId: 2, fromNumber: lastWaiting.fromNumber });
      if (minute % 5 === 0) await control.setPresence(6, minute % 10 === 0 ? 'available' : 'busy');
    }

    let heapAtWarmUp = 0;
    for (let minute = 0; minute < END_MIN; minute += 1) {
      await drive(sandbox, minute);
      if (minute === WARM_UP_MIN) heapAtWarmUp = await heapUsed(cdp);
      for (let ms = 0; ms < MINUTE; ms += STEP_MS) await page.clock.runFor(STEP_MS);
      await idle();
    }
    const heapAtEnd = await heapUsed(cdp);
    const growth = heapAtEnd - heapAtWarmUp;
    const figures = `JS heap after warm-up ${kb(heapAtWarmUp)}, after the hour ${kb(heapAtEnd)}, growth ${kb(growth)}`;
    test.info().annotations.push({ type: 'heap', description: figures });
    console.log(figures);

    // Current data: today is the new day, and its figures are the calls rung since midnight; the caller still
    // waiting rang two minutes ago.
    const sinceMidnight = calls.filter((c) => c.ringAt >= MIDNIGHT_MIN);
    const answeredShare = sinceMidnight.filter((c) => c.answerAt !== null).length / sinceMidnight.length;
    const expectedAnswered = new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 0 }).format(answeredShare);
    const expectedNotCalledBack = String(sinceMidnight.filter((c) => c.answerAt === null).length);
    await expect(async () => {
      await page.clock.runFor(1_000);
      await idle();
      await baseExpect(waiting(page)).toHaveText('1', { timeout: 100 });
      await baseExpect(longestWait(page)).toHaveText(/^2 min 0\d s$/, { timeout: 100 });
      await baseExpect(answered(page)).toHaveText(expectedAnswered, { timeout: 100 });
      await baseExpect(notCalledBack(page)).toHaveText(expectedNotCalledBack, { timeout: 100 });
    }).toPass({ timeout: 30_000 });
    expect(growth, figures).toBeLessThan(HEAP_GROWTH_BOUND);
  });
});
