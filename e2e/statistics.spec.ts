/**
 * The statistics page in a real browser against the sandbox: its figures equal a count made directly over the
 * sandbox's `/calls` (with its own token), the calls link lands on exactly the calls counted, a failed request is
 * retried, cancel leaves partial figures marked as such, the charts are reached with the keyboard, and the page
 * passes axe and fits 375 px.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { addDays, dateKeyAt, dayEndIso, dayStartIso } from '../common/copenhagen-time.ts';
import { CALLBACK_PATH } from '../common/routes.ts';
import { SandboxOAuthClient } from '../sandbox/client.ts';
import { SANDBOX_CLIENT_ID } from '../scripts/local-run.ts';
import { APP_URL, E2E_CLIENT_SECRET, SANDBOX_URL } from './env.ts';
import { expect as baseExpect, signIn, test } from './fixtures.ts';

const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 180_000 });

interface SandboxCall {
  call_uuid: string;
  direction: string;
  status: string;
  started_at: string;
}

/** A token of the sandbox's own (after the browser signed in, so its consent page has been seen). */
async function sandboxToken(): Promise<string> {
  const oauth = new SandboxOAuthClient({ sandboxUrl: SANDBOX_URL, clientId: SANDBOX_CLIENT_ID, clientSecret: E2E_CLIENT_SECRET, redirectUri: `${APP_URL}${CALLBACK_PATH}` });
  return oauth.token();
}

/** Every call the sandbox has from `from` to `to` (inclusive days), paged plainly with the inclusive cursor, once each. */
async function sandboxCalls(token: string, from: string, to: string, endpoint?: string): Promise<SandboxCall[]> {
  const byUuid = new Map<string, SandboxCall>();
  let cursor = dayEndIso(to);
  for (let i = 0; i < 200; i += 1) {
    const query = new URLSearchParams({ limit: '100', started_at_gt_or_eq: dayStartIso(from), started_at_lt_or_eq: cursor });
    if (endpoint) query.set('endpoint', endpoint);
    const response = await fetch(`${SANDBOX_URL}/api/v2/calls?${query.toString()}`, { headers: { Authorization: `Bearer ${token}` } });
    const { calls } = (await response.json()) as { calls: SandboxCall[] };
    const before = byUuid.size;
    for (const call of calls) byUuid.set(call.call_uuid, call);
    if (calls.length < 100 || byUuid.size === before) break;
    cursor = calls.at(-1)!.started_at;
  }
  return [...byUuid.values()];
}

/** The value shown for the figure `label` (a `<dt>`) in the summary. */
function figure(page: Page, label: string) {
  return page.getByRole('region', { name: 'Summary' }).getByRole('term').filter({ hasText: new RegExp(`^${label}$`) }).locator('xpath=following-sibling::dd[1]/span[1]');
}

const today = () => dateKeyAt(Date.now());

test('the figures equal a count over the sandbox’s /calls, and the calls link shows exactly the calls counted', async ({ page, sandbox }) => {
  await sandbox.reset({ calls: 400 });
  // Two failures on the first requests: the windows they hit are retried, and nothing is lost.
  await sandbox.fault({ path: '/calls', status: 503, times: 2 });
  const from = addDays(today(), -13);
  const to = today();
  await signIn(page, { startAt: `/statistics?from=${from}&to=${to}` });
  await expect(page.getByRole('heading', { level: 1, name: 'Statistics' })).toBeVisible();
  await expect(figure(page, 'Incoming')).toHaveText(/^\d+$/, { timeout: 60_000 });

  const calls = (await sandboxCalls(await sandboxToken(), from, to)).filter((call) => call.direction === 'incoming');
  const count = (statuses: string[]) => calls.filter((call) => statuses.includes(call.status)).length;
  expect(calls.length).toBeGreaterThan(20);
  await expect(figure(page, 'Incoming')).toHaveText(String(calls.length));
  await expect(figure(page, 'Answered')).toHaveText(String(count(['answered'])));
  await expect(figure(page, 'Missed')).toHaveText(String(count(['missed', 'voicemail', 'orphaned'])));
  await expect(page.getByText('Partial figures')).toHaveCount(0);

  // The per-reception table: real headers, one row per reception, adding up to the total.
  const byReception = page.getByRole('table', { name: 'By reception' });
  await expect(byReception.getByRole('columnheader')).toContainText(['Name', 'Incoming', 'Answered', 'Missed', 'Answer rate']);
  const incomingCells = await byReception.locator('tbody tr td:nth-of-type(1)').allTextContents();
  expect(incomingCells.reduce((sum, text) => sum + Number(text), 0)).toBe(calls.length);
  await expect(page.getByRole('table', { name: 'By employee' })).toBeVisible();

  const voicemails = count(['voicemail']);
  await page.getByRole('link', { name: `Voicemail: ${voicemails} — show on the calls page` }).click();
  await expect(page).toHaveURL(new RegExp(`/calls\\?direction=incoming&status=voicemail&from=${from}&to=${to}$`));
  await expect(page.getByText("You've reached the beginning of the call history")).toBeVisible();
  await expect(page.getByText(`${voicemails} ${voicemails === 1 ? 'call' : 'calls'} shown`)).toBeVisible();

  // Narrowed to an employee group: the calls that went through it, as Firmafon's `endpoint` filter counts them.
  await page.goBack();
  await expect(figure(page, 'Incoming')).toHaveText(String(calls.length));
  await page.getByLabel('Reception, group or employee').selectOption('EmployeeGroup#2');
  await page.getByRole('button', { name: 'Show statistics', exact: true }).click();
  await expect(page).toHaveURL(/endpoint=EmployeeGroup%232/);
  const throughSupport = (await sandboxCalls(await sandboxToken(), from, to, 'EmployeeGroup#2')).filter((call) => call.direction === 'incoming');
  expect(throughSupport.length).toBeGreaterThan(0);
  expect(throughSupport.length).toBeLessThan(calls.length);
  await expect(figure(page, 'Incoming')).toHaveText(String(throughSupport.length), { timeout: 60_000 });
});

test('cancel leaves partial figures marked as partial; the rest loads on request; an empty period says so', async ({ page, sandbox }) => {
  await sandbox.reset({ calls: 300 });
  await signIn(page, { startAt: `/statistics?from=${addDays(today(), -29)}&to=${today()}` });
  await expect(figure(page, 'Incoming')).toHaveText(/^\d+$/, { timeout: 60_000 });
  const complete = await figure(page, 'Incoming').textContent();

  // Answers slower than any test step, and days not loaded before: the load is surely running when Cancel is pressed.
  await sandbox.settings({ latencyMs: 20_000 });
  await page.getByLabel('From', { exact: true }).fill(addDays(today(), -90));
  await page.getByLabel('To', { exact: true }).fill(addDays(today(), -60));
  await page.getByRole('button', { name: 'Show statistics' }).click();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('Partial figures')).toBeVisible();
  await expect(page.getByText(/Loading was cancelled: these figures cover \d+ of \d+ days only\./)).toBeVisible();

  await sandbox.settings({ latencyMs: 0 });
  await page.getByRole('button', { name: 'Last 30 days' }).click();
  // Closed days come from the session's cache; the figures are whole again.
  await expect(figure(page, 'Incoming')).toHaveText(complete ?? '');
  await expect(page.getByText('Partial figures')).toHaveCount(0);

  // An end before the start is refused in words; a period with no calls shows no zeros.
  await page.getByLabel('From', { exact: true }).fill('2020-01-07');
  await page.getByLabel('To', { exact: true }).fill('2020-01-01');
  await page.getByRole('button', { name: 'Show statistics' }).click();
  await expect(page.getByText('The end date is before the start date.')).toBeVisible();
  await page.getByLabel('To', { exact: true }).fill('2020-01-09');
  await page.getByRole('button', { name: 'Show statistics' }).click();
  await expect(page).toHaveURL(/from=2020-01-07&to=2020-01-09/);
  await expect(page.getByRole('heading', { name: 'No calls in this period' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Summary' })).toHaveCount(0);
});

test('passes axe, fits 375 px, and its charts are reached with the keyboard', async ({ page, sandbox }) => {
  await sandbox.reset({ calls: 250 });
  await page.setViewportSize({ width: 375, height: 800 });
  await signIn(page, { startAt: `/statistics?from=${addDays(today(), -29)}&to=${today()}` });
  await expect(figure(page, 'Incoming')).toHaveText(/^\d+$/, { timeout: 60_000 });

  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'no sideways scrolling').toBeLessThanOrEqual(0);

  const heat = page.getByRole('group', { name: 'Chart: Missed calls by weekday and hour' });
  const cells = heat.getByRole('img');
  await expect(cells).toHaveCount(7 * 24);
  await cells.first().focus();
  await expect(cells.first()).toHaveAttribute('aria-label', /^Monday 00:00–01:00: \d+ missed$/);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  await expect(page.locator(':focus')).toHaveAttribute('aria-label', /^Tuesday 01:00–02:00: \d+ missed$/);
  // The same numbers as a table, one click away.
  await heat.locator('xpath=ancestor::figure').getByText('Show as a table').click();
  await expect(page.getByRole('table', { name: 'Missed calls by weekday and hour' })).toBeVisible();

  // Printed on A4 (210 mm less 2 × 12 mm margins ≈ 703 CSS px): no controls, and no table or chart cut off.
  await page.setViewportSize({ width: 703, height: 1000 });
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Show statistics' })).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  const cut = await page.evaluate(() =>
    [document.documentElement, ...Array.from(document.querySelectorAll('.stat-table, .stat-chart__svg'))]
      .filter((el) => el.scrollWidth > el.clientWidth + 1 || el.getBoundingClientRect().right > 704)
      .map((el) => `${el.tagName} ${el.querySelector('caption')?.textContent ?? ''}: ${el.scrollWidth}/${el.clientWidth}, right ${Math.round(el.getBoundingClientRect().right)}`),
  );
  expect(cut, 'elements wider than an A4 page').toEqual([]);
  await page.emulateMedia({ media: 'screen' });

  // Danish follows at once.
  await page.getByRole('button', { name: 'Dansk' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Statistik' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Efter reception' })).toBeVisible();
});
