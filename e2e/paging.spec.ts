/**
 * Paging a whole history in the browser. The `boundaries` dataset puts bursts of calls sharing one second
 * across every page boundary, so a client that skips or repeats calls at the inclusive cursor shows it here.
 * The table is virtualised: rows are collected while scrolling, by the call link each row holds.
 */
import type { Page } from '@playwright/test';
import { expect as baseExpect, signIn, test } from './fixtures.ts';

/** The local functions answer slowly on a busy machine (seconds per request): wait longer than the default. */
const expect = baseExpect.configure({ timeout: 30_000 });

// Every test signs in through the sandbox; on a busy machine that alone can take half a minute.
test.describe.configure({ timeout: 120_000 });

const END = "You've reached the beginning of the call history";

const nextFrame = (page: Page) => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

/**
 * Loads the whole history (scrolling to the end loads the next page; the button is the fallback), then scrolls
 * from the top to the bottom and returns every row's details link and start time, in table order.
 */
async function collectAllRows(page: Page): Promise<{ hrefs: string[]; times: number[]; maxRowsInDom: number }> {
  const table = page.getByRole('table', { name: 'Calls, newest first' });
  await expect(table).toBeVisible();
  const end = page.getByText(END);
  const deadline = Date.now() + 240_000;
  while (!(await end.isVisible()) && Date.now() < deadline) {
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    // The button may turn into the loading indicator while Playwright clicks it, hence the short timeout.
    const more = page.getByRole('button', { name: 'Load older calls' });
    if (await more.isVisible()) await more.click({ timeout: 2_000 }).catch(() => undefined);
    else await page.waitForTimeout(250);
  }
  await expect(end).toBeVisible();

  const byIndex = new Map<number, { href: string; time: number }>();
  let maxRowsInDom = 0;
  await page.evaluate(() => window.scrollTo(0, 0));
  for (;;) {
    await nextFrame(page);
    const rows = await table.locator('tbody tr[aria-rowindex]').evaluateAll((trs) =>
      trs.map((tr) => ({
        index: Number(tr.getAttribute('aria-rowindex')),
        href: tr.querySelector('a')?.getAttribute('href') ?? '',
        time: Date.parse(tr.querySelector('time')?.getAttribute('datetime') ?? ''),
      })),
    );
    maxRowsInDom = Math.max(maxRowsInDom, rows.length);
    for (const row of rows) byIndex.set(row.index, { href: row.href, time: row.time });
    const atBottom = await page.evaluate(() => window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 2);
    if (atBottom) break;
    await page.evaluate(() => window.scrollBy(0, window.innerHeight));
  }
  const rowCount = Number(await table.getAttribute('aria-rowcount')) - 1;
  const ordered = [...byIndex.entries()].sort((a, b) => a[0] - b[0]).map(([, row]) => row);
  expect(ordered.length, 'every row was seen while scrolling').toBe(rowCount);
  return { hrefs: ordered.map((r) => r.href), times: ordered.map((r) => r.time), maxRowsInDom };
}

test.describe('paging', () => {
  test('pages to the end of a 250-call history with bursts across page boundaries, each call exactly once', async ({ page, sandbox }) => {
    test.setTimeout(240_000);
    await sandbox.reset({ calls: 250, dataset: 'boundaries' });
    await signIn(page);
    const { hrefs, times } = await collectAllRows(page);
    await expect(page.getByText(END)).toBeVisible();
    expect(hrefs).toHaveLength(250);
    expect(new Set(hrefs).size).toBe(250);
    for (const href of hrefs) expect(href).toMatch(/^\/calls\/[^/]+$/);
    for (let i = 1; i < times.length; i += 1) expect(times[i]).toBeLessThanOrEqual(times[i - 1]!);
    await expect(page.getByText('250 calls shown')).toBeVisible();
  });

  test('keeps the DOM small for a long history (virtualised rows)', async ({ page, sandbox }) => {
    test.setTimeout(300_000);
    await sandbox.reset({ calls: 1000 });
    await signIn(page);
    const { hrefs, maxRowsInDom } = await collectAllRows(page);
    expect(hrefs).toHaveLength(1000);
    expect(new Set(hrefs).size).toBe(1000);
    expect(maxRowsInDom).toBeLessThanOrEqual(100);
  });

  test('puts new calls on top, marks and announces them', async ({ page, sandbox }) => {
    await sandbox.reset({ calls: 30 });
    await signIn(page);
    const table = page.getByRole('table', { name: 'Calls, newest first' });
    await expect(table).toBeVisible();
    await sandbox.addCalls(2);
    // The newest page is polled every 30 s and on focus; a focus event asks now.
    await page.evaluate(() => window.dispatchEvent(new Event('visibilitychange')));
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    await expect(table.getByText('New', { exact: true })).toHaveCount(2, { timeout: 40_000 });
    await expect(page.getByText('2 new calls')).toBeAttached();
    await expect(page.getByText('32 calls shown')).toBeVisible();
  });

  test('keeps the call the reader is looking at in place when new calls arrive on top', async ({ page, sandbox }) => {
    await sandbox.reset({ calls: 60 });
    await signIn(page);
    const table = page.getByRole('table', { name: 'Calls, newest first' });
    await expect(table).toBeVisible();
    // Scroll well into the list, and take the call in the middle of the screen.
    await page.evaluate(() => {
      const tbody = document.querySelector('tbody');
      if (tbody) window.scrollTo(0, tbody.getBoundingClientRect().top + window.scrollY + 800);
    });
    await nextFrame(page);
    const href = await page.evaluate(
      () => document.elementFromPoint(200, window.innerHeight / 2)?.closest('tr')?.querySelector('a')?.getAttribute('href') ?? null,
    );
    expect(href).toMatch(/^\/calls\//);
    const topOf = () =>
      page.evaluate((h) => document.querySelector(`tbody a[href="${h}"]`)?.closest('tr')?.getBoundingClientRect().top ?? null, href);
    const before = await topOf();
    expect(before).not.toBeNull();

    await sandbox.addCalls(2);
    await page.evaluate(() => window.dispatchEvent(new Event('visibilitychange')));
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    await expect(page.getByText('2 new calls')).toBeAttached({ timeout: 40_000 });
    await expect(page.getByText('62 calls shown')).toBeAttached();
    await nextFrame(page);
    expect(Math.abs((await topOf())! - before!)).toBeLessThanOrEqual(1);
  });
});
