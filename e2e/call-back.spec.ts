/**
 * Calling someone back in a real browser against the sandbox: the confirmation dialog (focus, Escape, axe), one
 * double-clicked confirmation placing exactly one dial in Firmafon's digit form, two tabs confirming the same
 * call back at once placing one, the button beside outside numbers in
 * the table and on a call's details, an employee without a switch, and the Danish words.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { formatPhoneNumber } from '../common/phone.ts';
import { expect as baseExpect, signIn, test, type SandboxControl } from './fixtures.ts';

/** The local functions answer slowly on a busy machine (seconds per request): wait longer than the default. */
const expect = baseExpect.configure({ timeout: 30_000 });

test.describe.configure({ timeout: 150_000 });

const NO_SWITCH = 'Your Firmafon user has no phone switch, so the dashboard cannot ring you';

/** Fresh calls plus new missed callers; the newest caller whose number is shown, as digits and as people read it. */
async function missedCaller(sandbox: SandboxControl): Promise<{ digits: string; shown: string }> {
  await sandbox.reset({ calls: 40 });
  const { calls } = await sandbox.addCalls(4, 'missed');
  const call = calls.find((c) => !c.from_number_hidden && c.from_number);
  if (!call?.from_number) throw new Error('the sandbox added no missed call with a visible number');
  return { digits: call.from_number, shown: formatPhoneNumber(call.from_number) };
}

/** The call-back button in "Missed and not called back" (a list; the calls table has rows, not list items). */
const notCalledBackButton = (page: Page, name: string) => page.getByRole('listitem').getByRole('button', { name, exact: true });
const callsTable = (page: Page) => page.getByRole('table', { name: 'Calls, newest first' });

test.describe('call back', () => {
  test('the dialog takes focus, keeps it, passes axe, and Escape closes it without a dial', async ({ page, sandbox }) => {
    const caller = await missedCaller(sandbox);
    await signIn(page);
    const button = notCalledBackButton(page, `Call ${caller.shown}`);
    await button.click();

    const dialog = page.getByRole('dialog', { name: `Call ${caller.shown}?` });
    await expect(dialog).toBeVisible();
    await expect(dialog).toHaveAttribute('aria-modal', 'true');
    await expect(dialog).toContainText('Firmafon will ring your own phone first');
    const cancel = dialog.getByRole('button', { name: 'Cancel', exact: true });
    const call = dialog.getByRole('button', { name: 'Call', exact: true });
    await expect(cancel).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(call).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(cancel).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(call).toBeFocused();

    const axe = await new AxeBuilder({ page }).include('dialog').analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);

    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(button).toBeFocused();
    expect(await sandbox.dials()).toEqual([]);
  });

  test('a double-clicked "Call" places exactly one call, to the number in Firmafon digits', async ({ page, sandbox }) => {
    const caller = await missedCaller(sandbox);
    await signIn(page);
    const button = notCalledBackButton(page, `Call ${caller.shown}`);
    await button.click();
    const dialog = page.getByRole('dialog', { name: `Call ${caller.shown}?` });
    const sent: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/api/firmafon/switch/dial') sent.push(request.method());
    });
    await dialog.getByRole('button', { name: 'Call', exact: true }).dblclick();

    // Both clicks happened before the answer came, so a second request would already have been sent.
    await expect(dialog.getByRole('status')).toHaveText(`Calling ${caller.shown} — answer your phone`);
    expect(sent).toEqual(['POST']);
    const dials = await sandbox.dials();
    expect(dials.map((d) => [d.employeeId, d.toNumber])).toEqual([[1, caller.digits]]);

    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await expect(dialog).toBeHidden();
    // The call placed shows up in the history, so the caller has now been called back.
    await expect(button).toHaveCount(0);
  });

  test('two tabs confirming the same call back at once place one call; the other tab says why', async ({ page, context, sandbox }) => {
    const caller = await missedCaller(sandbox);
    await signIn(page);
    const otherTab = await context.newPage();
    // The second tab signs itself in through Firmafon without a click (the resume bounce).
    await otherTab.goto('/calls');
    const dialogs = [];
    for (const tab of [page, otherTab]) {
      await notCalledBackButton(tab, `Call ${caller.shown}`).click();
      const dialog = tab.getByRole('dialog', { name: `Call ${caller.shown}?` });
      await expect(dialog).toBeVisible();
      dialogs.push(dialog);
    }
    await Promise.all(dialogs.map((dialog) => dialog.getByRole('button', { name: 'Call', exact: true }).click()));

    const placed = dialogs.map((dialog) => dialog.getByRole('status').filter({ hasText: `Calling ${caller.shown} — answer your phone` }));
    const refused = dialogs.map((dialog) => dialog.getByRole('alert').filter({ hasText: 'You called this number from the dashboard a few seconds ago' }));
    await expect.poll(async () => (await Promise.all([...placed, ...refused].map((l) => l.count()))).join(','), { timeout: 30_000 }).toMatch(
      /^(1,0,0,1|0,1,1,0)$/,
    );
    expect((await sandbox.dials()).map((d) => [d.employeeId, d.toNumber])).toEqual([[1, caller.digits]]);
  });

  test('sits beside the outside number in the table and on the call details', async ({ page, sandbox }) => {
    const caller = await missedCaller(sandbox);
    await signIn(page);
    const name = `Call ${caller.shown}`;
    const row = callsTable(page).getByRole('row').filter({ has: page.getByRole('button', { name, exact: true }) }).first();
    await expect(row).toBeVisible();
    // The company's own number, where the incoming call arrived, has no call-back button.
    await expect(row.getByRole('button')).toHaveCount(1);

    await row.getByRole('link').click();
    await expect(page.getByRole('heading', { name: 'Route' })).toBeVisible();
    await expect(page.getByRole('button', { name, exact: true })).toHaveCount(1);
    await page.getByRole('button', { name, exact: true }).click();
    await expect(page.getByRole('dialog', { name: `${name}?` })).toBeVisible();
    await page.keyboard.press('Escape');
    expect(await sandbox.dials()).toEqual([]);
  });

  test('is disabled, with the reason, for an employee without a phone switch, and places no call', async ({ page, sandbox }) => {
    const caller = await missedCaller(sandbox);
    await signIn(page, { user: 'lars@firmafon.test' });
    const button = notCalledBackButton(page, `Call ${caller.shown}`);
    await expect(button).toBeDisabled();
    await expect(button).toHaveAccessibleDescription(NO_SWITCH);
    await expect(page.getByText(NO_SWITCH).first()).toBeVisible();
    await button.click({ force: true });
    await page.keyboard.press('Enter');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    expect(await sandbox.dials()).toEqual([]);
  });

  test('speaks Danish: "Ring til …", "Ring op" and "Annuller"', async ({ page, sandbox }) => {
    const caller = await missedCaller(sandbox);
    await signIn(page);
    await page.getByRole('button', { name: 'Dansk' }).click();
    await notCalledBackButton(page, `Ring til ${caller.shown}`).click();
    const dialog = page.getByRole('dialog', { name: `Ring til ${caller.shown}?` });
    await expect(dialog).toContainText('Firmafon ringer først til din egen telefon');
    await expect(dialog.getByRole('button', { name: 'Ring op', exact: true })).toBeVisible();
    await dialog.getByRole('button', { name: 'Annuller', exact: true }).click();
    await expect(dialog).toBeHidden();
    expect(await sandbox.dials()).toEqual([]);
  });
});
