/**
 * The team board and my do-not-disturb in a real browser against the sandbox: presence in words, sorted with the
 * available first, search; a call driven through the sandbox's control API from ringing to answered to ended,
 * in the board's calls in progress; do-not-disturb on and off from the header, recorded by the sandbox, and undone
 * with a message when Firmafon refuses; axe and a phone-sized screen. Changes are pushed or polled, so waits are for
 * states (e2e/push.spec.ts proves push).
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect as baseExpect, LIVE_STATUS, signIn, test } from './fixtures.ts';

/** Polled state arrives within one poll (≤ 10 s) on an idle machine; a busy one needs longer. */
const expect = baseExpect.configure({ timeout: 30_000 });

test.describe.configure({ timeout: 180_000 });

const people = (page: Page) => page.getByRole('list', { name: 'People' }).getByRole('listitem');
const person = (page: Page, name: string) => people(page).filter({ hasText: name });
const POLLED = LIVE_STATUS.polled;
const liveCalls = (page: Page) => page.getByRole('list', { name: 'Calls in progress' }).getByRole('listitem');

async function openBoard(page: Page): Promise<void> {
  await signIn(page, { startAt: '/team' });
  await expect(page.getByRole('heading', { level: 1, name: 'Team' })).toBeVisible();
  await expect(people(page).first()).toBeVisible();
}

test.describe('team board', () => {
  test('shows presence in words, the available first, finds people by name and follows a call from ringing to gone', async ({ page, sandbox }) => {
    await openBoard(page);
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Team' })).toHaveAttribute('aria-current', 'page');
    await expect(person(page, 'Sofie Hansen')).toContainText('Busy');
    await expect(person(page, 'Camilla Larsen')).toContainText('Unknown');
    const presences = await people(page).evaluateAll((items) => items.map((item) => item.getAttribute('data-presence')));
    expect(presences.indexOf('busy')).toBeGreaterThan(presences.lastIndexOf('available'));

    await page.getByLabel('Search by name').fill('øster');
    await expect(people(page)).toHaveCount(1);
    await expect(people(page).first()).toContainText('Jens Østergaard');
    await page.getByLabel('Search by name').fill('');
    await expect(person(page, 'Mikkel Pedersen').getByRole('button', { name: 'Call +45 71 99 99 04' })).toBeVisible();

    // Groups with their state and members.
    const support = page.getByRole('list', { name: 'Members of Support' });
    await expect(support.getByRole('listitem')).toHaveCount(4);

    // A call waits at Support, rings Mikkel, is answered by him and ends.
    await expect(page.getByTestId('calls-waiting')).toHaveText('0');
    const { callUuid } = await sandbox.ringCall({ receptionId: 2 });
    await expect(liveCalls(page)).toHaveCount(1);
    await expect(liveCalls(page).first()).toContainText('In queue');
    await expect(liveCalls(page).first()).toContainText('at Support');
    await expect(page.getByTestId('calls-waiting')).toHaveText('1');
    await expect(page.getByTestId('longest-wait')).toHaveText(/\d+ s|\d+ min/);

    await sandbox.ringMore(callUuid, [4]);
    await expect(liveCalls(page).first()).toContainText('Ringing');
    await expect(liveCalls(page).first()).toContainText('ringing Mikkel Pedersen');
    await expect(person(page, 'Mikkel Pedersen')).toContainText('Ringing');

    await sandbox.answerCall(callUuid, 4);
    await expect(liveCalls(page).first()).toContainText('Talking');
    await expect(liveCalls(page).first()).toContainText('with Mikkel Pedersen');
    await expect(page.getByTestId('calls-waiting')).toHaveText('0');
    await expect(person(page, 'Mikkel Pedersen')).toContainText('Busy');
    await expect(person(page, 'Mikkel Pedersen')).toContainText(/since \d\d[:.]\d\d/);

    await sandbox.endCall(callUuid);
    await expect(liveCalls(page)).toHaveCount(0);
    await expect(page.getByText('No calls in progress.')).toBeVisible();
    await expect(person(page, 'Mikkel Pedersen')).toContainText('Available');
  });

  test('turns my do-not-disturb on and off from the header, and undoes it with a message when Firmafon refuses', async ({ page, sandbox }) => {
    await openBoard(page);
    const header = page.getByRole('banner');
    await header.getByRole('button', { name: 'Do not disturb' }).click();
    await header.getByRole('group', { name: 'Turn on do not disturb' }).getByRole('button', { name: 'For 1 hour' }).click();
    await expect(header.getByRole('status')).toHaveText(/Do not disturb until \d\d[:.]\d\d$/);
    await expect(person(page, 'Mette Jensen')).toContainText('Do not disturb');
    await expect.poll(async () => (await sandbox.doNotDisturbChanges()).map((c) => [c.employeeId, c.doNotDisturb, c.timeoutAt !== null])).toEqual([[1, true, true]]);

    await header.getByRole('button', { name: 'Turn off do not disturb' }).click();
    await expect(header.getByRole('button', { name: 'Do not disturb' })).toBeVisible();
    await expect(person(page, 'Mette Jensen')).toContainText('Available');
    await expect.poll(async () => (await sandbox.doNotDisturbChanges()).map((c) => [c.doNotDisturb, c.timeoutAt])).toEqual([
      [true, expect.any(String)],
      [false, null],
    ]);

    // Firmafon refuses: the board showed it at once, then goes back, and the header says so.
    await sandbox.fault({ path: '/employees/1', status: 503, times: 1 });
    await header.getByRole('button', { name: 'Do not disturb' }).click();
    await header.getByRole('button', { name: 'Until I turn it off' }).click();
    await expect(page.getByRole('alert')).toContainText('Firmafon did not turn do not disturb on. Nothing has changed.');
    await expect(header.getByRole('button', { name: 'Do not disturb' })).toBeVisible();
    await expect(person(page, 'Mette Jensen')).toContainText('Available');
    expect(await sandbox.doNotDisturbChanges()).toHaveLength(2);
  });

  test('keeps the last known state with its age while Firmafon fails, recovers by itself, and signs out on a 401', async ({ page, sandbox }) => {
    await openBoard(page);
    // Without push (e2e/push.spec.ts covers it) the board polls: calls every 3 s, presence every 10 s.
    await sandbox.setPush(false);
    await expect(page.getByText(POLLED)).toBeVisible();
    await expect(page.getByText(/^Presence updated every 10 seconds; last at \d\d[:.]\d\d\.$/)).toBeVisible();
    // The next poll and its three retries fail (2 s, 4 s, 8 s apart): the board says so and keeps what it had.
    // `/employees` fails eight times: the names for calls in progress may still be loading and take up to four.
    await sandbox.fault({ path: '/call_nodes/live', status: 503, times: 4 });
    await sandbox.fault({ path: '/employees', status: 503, times: 8 });
    await expect(page.getByText(/^Firmafon cannot be reached just now\. Showing what was known at \d\d[:.]\d\d[:.]\d\d; trying again\.$/)).toBeVisible();
    await expect(page.getByText(/^Firmafon cannot be reached just now\. Presence as it was at \d\d[:.]\d\d; trying again\.$/)).toBeVisible();
    await expect(person(page, 'Sofie Hansen')).toContainText('Busy');
    // Firmafon answers again: the polls carry on by themselves.
    await expect(page.getByText(POLLED)).toBeVisible({ timeout: 60_000 });
    await expect(page.getByText(/^Presence updated every 10 seconds/)).toBeVisible({ timeout: 60_000 });

    await sandbox.revokeAll();
    await expect(page.getByText('Your Firmafon session has ended (the access was revoked or expired). Sign in again to continue.')).toBeVisible();
  });

  test('has no axe violations and fits 375 px, in English and Danish', async ({ page, sandbox }) => {
    await sandbox.ringCall({ receptionId: 1, employeeIds: [1] });
    await page.setViewportSize({ width: 375, height: 740 });
    await openBoard(page);
    await expect(liveCalls(page)).toHaveCount(1);
    await expect(page.getByRole('list', { name: 'Members of Salg' })).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

    await page.getByRole('button', { name: 'Dansk' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Team' })).toBeVisible();
    await expect(page.getByRole('list', { name: 'Personer' }).getByRole('listitem').filter({ hasText: 'Mette Jensen' })).toContainText('Ringer');
    const danish = await new AxeBuilder({ page }).analyze();
    expect(danish.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  });
});
