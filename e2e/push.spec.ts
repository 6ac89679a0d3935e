/**
 * Live updates pushed by the sandbox's Faye server (Firmafon's push service) in a real browser: a presence change and
 * a call reach the team board as they happen — proven pushed because every poll for the same data is held unanswered
 * until the screen shows the change — and when the push service stops, the board says so and polls, then goes back
 * to push when it returns. An answer that Firmafon gave before a pushed change but that arrives after it does not
 * put the old state back. A call that ends reaches the calls list and the wallboard's figures for today before their
 * next poll. How fast a change arrives (the 2 s) is measured by the bench (`live-updates`), not
 * asserted here: on a machine with every core busy a push took longer than 2 s to render.
 */
import type { Page, Route } from '@playwright/test';
import { expect as baseExpect, LIVE_STATUS, signIn, test } from './fixtures.ts';
import { PROXY_PREFIX } from '../common/routes.ts';

const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 180_000 });

const people = (page: Page) => page.getByRole('list', { name: 'People' }).getByRole('listitem');
const person = (page: Page, name: string) => people(page).filter({ hasText: name });
const liveCalls = (page: Page) => page.getByRole('list', { name: 'Calls in progress' }).getByRole('listitem');
const PUSHED = LIVE_STATUS.pushed;
/** Ample on a busy machine; what proves push is that every poll is held meanwhile. */
const PUSHED_WITHIN_MS = 15_000;
const POLLING = LIVE_STATUS.polled;

const proxied = (path: string) => (url: URL) => url.pathname === `${PROXY_PREFIX}${path}`;

/**
 * Holds every request for `path` unanswered while `during` runs (then lets them through): what the page shows
 * meanwhile cannot have come from a poll.
 */
async function withPollsHeld(page: Page, path: string, during: () => Promise<void>): Promise<void> {
  const held: Route[] = [];
  const matches = proxied(path);
  const hold = (route: Route) => void held.push(route);
  await page.route(matches, hold);
  try {
    await during();
  } finally {
    await page.unroute(matches, hold);
    // A held poll the page has given up on cannot be let through; that is fine.
    await Promise.allSettled(held.map((route) => route.fallback()));
  }
}

async function openLiveBoard(page: Page): Promise<void> {
  await signIn(page, { startAt: '/team' });
  await expect(people(page).first()).toBeVisible();
  await expect(page.getByText(PUSHED)).toBeVisible();
  await expect(page.getByText('Presence is updated as it changes.')).toBeVisible();
}

test.describe('live updates by push', () => {
  test('a presence change reaches the board while every poll is held', async ({ page, sandbox }) => {
    await openLiveBoard(page);
    await expect(person(page, 'Mikkel Pedersen')).toContainText('Available');
    await withPollsHeld(page, '/employees', async () => {
      await sandbox.setPresence(4, 'busy');
      await expect(person(page, 'Mikkel Pedersen')).toContainText('Busy', { timeout: PUSHED_WITHIN_MS });
      await sandbox.setPresence(4, 'available');
      await expect(person(page, 'Mikkel Pedersen')).toContainText('Available', { timeout: PUSHED_WITHIN_MS });
    });
  });

  test('an answer Firmafon gave before a pushed change, arriving after it, does not undo the change', async ({ page, sandbox }) => {
    await openLiveBoard(page);
    await expect(person(page, 'Mikkel Pedersen')).toContainText('Available');
    await expect(person(page, 'Camilla Larsen')).toContainText('Unknown');
    let asked = false;
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route(proxied('/employees'), async (route) => {
      // Firmafon answers now, before the change below; the answer reaches the page only after the change's push.
      const response = await route.fetch();
      const body = (await response.json()) as { employees: Array<{ name: string; live_presence: string }> };
      // The answer also holds a change whose push is still on its way: once the board shows it, the answer was taken in.
      for (const employee of body.employees) if (employee.name === 'Camilla Larsen') employee.live_presence = 'busy';
      asked = true;
      await released;
      await route.fulfill({ response, json: body });
    });
    // The tab comes back into view: the board asks for the team again (once no earlier request is still under way,
    // which it would wait for instead).
    await expect
      .poll(async () => {
        await page.evaluate(() => window.dispatchEvent(new Event('visibilitychange')));
        return asked;
      })
      .toBe(true);
    await sandbox.setPresence(4, 'busy');
    await expect(person(page, 'Mikkel Pedersen')).toContainText('Busy', { timeout: PUSHED_WITHIN_MS });
    release();
    await expect(person(page, 'Camilla Larsen')).toContainText('Busy');
    await expect(person(page, 'Mikkel Pedersen')).toContainText('Busy');
  });

  test('a call is pushed as it rings, is answered and ends, with every poll held', async ({ page, sandbox }) => {
    await openLiveBoard(page);
    await withPollsHeld(page, '/call_nodes/live', async () => {
      const { callUuid } = await sandbox.ringCall({ receptionId: 2, employeeIds: [4] });
      await expect(liveCalls(page)).toHaveCount(1, { timeout: PUSHED_WITHIN_MS });
      await expect(liveCalls(page).first()).toContainText('ringing Mikkel Pedersen');
      await expect(person(page, 'Mikkel Pedersen')).toContainText('Ringing', { timeout: PUSHED_WITHIN_MS });
      await sandbox.answerCall(callUuid, 4);
      await expect(liveCalls(page).first()).toContainText('Talking', { timeout: PUSHED_WITHIN_MS });
      await sandbox.endCall(callUuid);
      await expect(liveCalls(page)).toHaveCount(0, { timeout: PUSHED_WITHIN_MS });
    });
  });

  test('falls back to polling while the push service is stopped, and goes back to push when it returns', async ({ page, sandbox }) => {
    await openLiveBoard(page);
    await sandbox.setPush(false);
    await expect(page.getByText(POLLING)).toBeVisible();
    await expect(page.getByText(/^Presence updated every 10 seconds; last at/)).toBeVisible();
    // The sandbox publishes nothing while stopped: a change still arrives, polled (presence within one 10 s poll).
    await sandbox.setPresence(4, 'busy');
    await expect(person(page, 'Mikkel Pedersen')).toContainText('Busy');
    const { callUuid } = await sandbox.ringCall({ receptionId: 2 });
    await expect(liveCalls(page)).toHaveCount(1);

    // The service returns: the connection comes back by itself (backoff at most 15 s), and changes are pushed again.
    await sandbox.setPush(true);
    await expect(page.getByText(PUSHED)).toBeVisible({ timeout: 45_000 });
    await withPollsHeld(page, '/employees', async () => {
      await sandbox.setPresence(4, 'available');
      await expect(person(page, 'Mikkel Pedersen')).toContainText('Available', { timeout: PUSHED_WITHIN_MS });
    });
    await withPollsHeld(page, '/call_nodes/live', async () => {
      await sandbox.endCall(callUuid);
      await expect(liveCalls(page)).toHaveCount(0, { timeout: PUSHED_WITHIN_MS });
    });
  });
});

test('a call that ends appears at the top of the calls list at once, not at the next 30 s poll', async ({ page, sandbox }) => {
  // The list's first page is also its newest until the first poll, 30 s after the page showed it: a row that
  // appears well before then came because of the push.
  const firstPage = page.waitForResponse((response) => new URL(response.url()).pathname === `${PROXY_PREFIX}/calls`);
  await signIn(page, { startAt: '/calls' });
  await firstPage;
  await expect(page.getByText(PUSHED)).toBeVisible();
  const { callUuid } = await sandbox.ringCall({ receptionId: 1, employeeIds: [4] });
  await sandbox.answerCall(callUuid, 4);
  await sandbox.endCall(callUuid);
  const row = page.getByRole('row').filter({ has: page.locator(`a[href$="/calls/${callUuid}"]`) });
  await expect(row).toBeVisible({ timeout: 10_000 });
  await expect(row).toContainText('New');
});

test("a call that ends counts in the wallboard's figures for today at once, while every fetch of the day is held", async ({ page, sandbox }) => {
  // The team board shows that push is live; the wallboard, opened from it, shares its connection.
  await openLiveBoard(page);
  await page.getByRole('link', { name: 'Open the wallboard' }).click();
  const notCalledBack = page.getByTestId('wallboard-not-called-back');
  await expect(notCalledBack).toHaveText(/^\d+$/);
  const before = Number(await notCalledBack.textContent());
  await withPollsHeld(page, '/calls', async () => {
    // A caller not seen before, whom nobody answers.
    const { callUuid } = await sandbox.ringCall({ receptionId: 1, fromNumber: `4529${String(Date.now()).slice(-6)}` });
    await sandbox.endCall(callUuid);
    await expect(notCalledBack).toHaveText(String(before + 1), { timeout: PUSHED_WITHIN_MS });
  });
});
