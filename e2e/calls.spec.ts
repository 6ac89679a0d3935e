/**
 * The calls page in a real browser against the sandbox: the table, hostile names, filters in the URL, call
 * details, CSV export, languages and a phone-sized screen.
 */
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { expect as baseExpect, signIn, test } from './fixtures.ts';

/** The local functions answer slowly on a busy machine (seconds per request): wait longer than the default. */
const expect = baseExpect.configure({ timeout: 30_000 });

// Every test signs in through the sandbox; on a busy machine that alone can take half a minute.
test.describe.configure({ timeout: 120_000 });

const HEADERS = ['Time', 'Direction', 'From', 'To', 'Status', 'Answered by', 'Duration'];

const callsTable = (page: Page): Locator => page.getByRole('table', { name: 'Calls, newest first' });

/** The `<time datetime>` of every rendered row, top to bottom. */
async function rowTimes(page: Page): Promise<number[]> {
  return callsTable(page)
    .locator('tbody time')
    .evaluateAll((times) => times.map((t) => Date.parse(t.getAttribute('datetime') ?? '')));
}

test.describe('calls table', () => {
  test('shows the sandbox calls newest first under named column headers', async ({ page, sandbox }) => {
    await sandbox.reset({ calls: 60 });
    await signIn(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Calls' })).toBeVisible();
    const table = callsTable(page);
    await expect(table).toBeVisible();
    await expect(table.getByRole('columnheader')).toHaveText(HEADERS);
    const times = await rowTimes(page);
    expect(times.length).toBeGreaterThan(5);
    for (let i = 1; i < times.length; i += 1) expect(times[i]).toBeLessThanOrEqual(times[i - 1]!);
    // Numbers are formatted for people; statuses are words.
    await expect(table.getByText(/^\+45 \d\d \d\d \d\d \d\d$/).first()).toBeVisible();
    await expect(table.getByRole('cell', { name: /^(Answered|Missed|Voicemail|Orphaned \(missed\)|Ringing)$/ }).first()).toBeVisible();
    await expect(page.getByText('You\'ve reached the beginning of the call history')).toBeVisible();
  });

  test('shows hostile contact names as literal text and runs nothing', async ({ page, sandbox }) => {
    await sandbox.reset({ calls: 40, hostileNames: true });
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await signIn(page);
    const hostile = '<img src=x onerror=alert(1)>';
    await expect(callsTable(page).getByText(hostile, { exact: true }).first()).toBeVisible();
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.locator('main script').count()).toBe(0);
    // Open its details too: the heading holds the same literal text.
    await callsTable(page).getByRole('row').filter({ hasText: hostile }).first().getByRole('link').click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(hostile);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });
});

test.describe('filters', () => {
  test('live in the URL: applying, reloading and going back', async ({ page, sandbox }) => {
    await sandbox.reset({ calls: 80 });
    await signIn(page);
    await expect(callsTable(page)).toBeVisible();

    await page.getByLabel('Direction').selectOption('incoming');
    await page.getByLabel('Status').selectOption('missed');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(/\/calls\?direction=incoming&status=missed$/);
    const statuses = callsTable(page).locator('tbody tr[aria-rowindex] td:nth-child(5)');
    await expect(statuses.first()).toHaveText(/Missed/);
    for (const text of await statuses.allTextContents()) expect(text).toContain('Missed');

    // A reload forgets the token (memory only); the session resumes through Firmafon and keeps the filters.
    await page.reload();
    await expect(page.getByLabel('Direction')).toHaveValue('incoming', { timeout: 30_000 });
    await expect(page).toHaveURL(/\/calls\?direction=incoming&status=missed$/);
    await expect(page.getByLabel('Status')).toHaveValue('missed');
    await expect(statuses.first()).toHaveText(/Missed/, { timeout: 30_000 });

    await page.getByLabel('Direction').selectOption('outgoing');
    await page.getByLabel('Status').selectOption('');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(/\/calls\?direction=outgoing$/);

    await page.goBack();
    await expect(page).toHaveURL(/\/calls\?direction=incoming&status=missed$/);
    await expect(page.getByLabel('Direction')).toHaveValue('incoming');
    await expect(page.getByLabel('Status')).toHaveValue('missed');

    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect(page).toHaveURL(/\/calls\??$/);
    await expect(page.getByLabel('Direction')).toHaveValue('');
  });

  test('accept a number in any format and refuse what is not a number', async ({ page, sandbox }) => {
    await sandbox.reset({ calls: 40 });
    await signIn(page);
    await expect(callsTable(page)).toBeVisible();
    const number = page.getByLabel('Phone number');
    await number.fill('call me maybe');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page.getByText('That is not a phone number', { exact: false })).toBeVisible();
    await expect(number).toHaveAttribute('aria-invalid', 'true');
    await expect(page).toHaveURL(/\/calls$/);

    await number.fill('0045 12 34 56 78');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(/number=4512345678/);
    await expect(page.getByText('No calls match these filters')).toBeVisible();
  });
});

test.describe('call details', () => {
  test('opens from the list and by a direct link, with the route in words', async ({ page, sandbox }) => {
    await sandbox.reset({ calls: 30 });
    await signIn(page);
    const firstLink = callsTable(page).getByRole('link').first();
    const href = await firstLink.getAttribute('href');
    expect(href).toMatch(/^\/calls\/[^/]+$/);
    await firstLink.click();
    await expect(page).toHaveURL(href!);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('→');
    await expect(page.getByRole('heading', { name: 'Route' })).toBeVisible();
    await expect(page.getByRole('list').filter({ has: page.locator('time') }).first()).toBeVisible();

    // Deep link in a fresh page of the same session: a reload resumes the session and lands on the call.
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('→', { timeout: 30_000 });
    await expect(page).toHaveURL(href!);

    await page.getByRole('link', { name: 'Back to calls' }).click();
    await expect(page).toHaveURL(/\/calls$/);
  });

  test('a deep link straight after sign-in shows the call; an unknown one says it was not found', async ({ page, sandbox }) => {
    await sandbox.reset({ calls: 30 });
    const { calls } = await sandbox.addCalls(1);
    const path = `/calls/${encodeURIComponent(calls[0]!.call_uuid)}`;
    await signIn(page, { startAt: path, expectPath: path });
    await expect(page.getByRole('heading', { level: 1 })).toContainText('→');
    await expect(page.getByText('Talk time', { exact: true })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Route' })).toBeVisible();

    await page.getByRole('link', { name: 'Back to calls' }).click();
    await expect(callsTable(page)).toBeVisible();
    await callsTable(page).getByRole('link').first().click();
    await expect(page).toHaveURL(path);

    // Loading the page resumes the session through Firmafon, then asks for the unknown call.
    await page.goto('/calls/00000000-0000-0000-0000-000000000000');
    await expect(page.getByRole('heading', { level: 1, name: 'This call was not found' })).toBeVisible({ timeout: 30_000 });
  });
});

test.describe('export', () => {
  test('downloads the loaded calls as CSV with a BOM, a header and one row per call', async ({ page, sandbox }) => {
    await sandbox.reset({ calls: 45, hostileNames: true });
    await signIn(page);
    const button = page.getByRole('button', { name: /Export 45 loaded calls as CSV/ });
    await expect(button).toBeVisible();
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toMatch(/^firmafon-calls-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = await readFile((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('"started_at","direction","status","from_number","from_name","to_number","to_name","answered_by","talk_seconds","endpoint","call_uuid"');
    expect(lines.at(-1)).toBe('');
    // Quoted fields may hold no line breaks in this data; every record is one line.
    expect(lines.length - 2).toBe(45);
    expect(text).toContain('<img src=x onerror=alert(1)>');
    // Whatever a spreadsheet splits on (Danish Excel: ';'), no cell starts a formula.
    for (const separator of [',', ';', '\t']) {
      for (const line of lines) {
        for (const cell of line.split(separator)) expect(cell.replace(/^"+/, '')).not.toMatch(/^[=+@\t\r-]/);
      }
    }
  });
});

test.describe('languages and small screens', () => {
  test('switching to Dansk translates the page', async ({ page, sandbox }) => {
    await sandbox.reset({ calls: 20 });
    await signIn(page);
    await page.getByRole('button', { name: 'Dansk' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Opkald' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Opkald, nyeste først' }).getByRole('columnheader').first()).toHaveText('Tidspunkt');
    await expect(page.getByRole('button', { name: 'Anvend filtre' })).toBeVisible();
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Calls' })).toBeVisible();
  });

  test('is usable 375 px wide without sideways page scrolling', async ({ page, sandbox }) => {
    await sandbox.reset({ calls: 40 });
    await page.setViewportSize({ width: 375, height: 740 });
    await signIn(page);
    await expect(callsTable(page)).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(overflow).toBeLessThanOrEqual(375);
    // The table scrolls inside its own labelled region, and its links stay reachable.
    await expect(page.getByRole('region', { name: 'Calls, newest first' })).toBeVisible();
    await callsTable(page).getByRole('link').first().click();
    await expect(page.getByRole('heading', { name: 'Route' })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  });
});
