/**
 * When Firmafon is overloaded or down: transient answers are retried quietly, and what is left is said in
 * words, with a way on — a "Try again" that works, or a countdown that tries again by itself after a 429's
 * Retry-After. The sandbox's fault control makes Firmafon answer that way for one API path.
 */
import type { Page } from '@playwright/test';
import { expect, signIn, test, type SandboxControl } from './fixtures.ts';

type Fault = Omit<Parameters<SandboxControl['fault']>[0], 'path'>;

/**
 * Signs in, makes Firmafon answer the first call's details with `fault`, then opens that call from the list;
 * returns the call's path, which is also its Firmafon API path after /api/v2.
 */
async function openFirstCallFailing(page: Page, sandbox: SandboxControl, fault: Fault): Promise<string> {
  await signIn(page);
  const link = page.getByRole('table', { name: 'Calls, newest first' }).getByRole('link').first();
  const href = await link.getAttribute('href');
  expect(href).toMatch(/^\/calls\/[^/]+$/);
  await sandbox.fault({ path: href!, ...fault });
  await link.click();
  await expect(page).toHaveURL(href!);
  return href!;
}

const apiCallsTo = async (sandbox: SandboxControl, path: string) =>
  (await sandbox.log()).apiRequests.filter((r) => r.path === `/api/v2${path}`).map((r) => r.status);

test.describe('when Firmafon fails', () => {
  test('a server error that lasts is shown in words after the retries, and "Try again" recovers', async ({ page, sandbox }) => {
    test.setTimeout(120_000);
    await sandbox.reset({ calls: 30 });
    // The first request and the dashboard's three retries (2 s, 4 s, 8 s apart) all fail.
    const path = await openFirstCallFailing(page, sandbox, { status: 503, times: 4 });
    // The call from the list shows at once; the error joins it once the retries are spent.
    await expect(page.getByRole('heading', { level: 1 })).toContainText('→');
    const problem = page.getByText("Firmafon isn't answering right now. Try again in a little while.");
    await expect(problem).toBeVisible({ timeout: 60_000 });
    await expect.poll(() => apiCallsTo(sandbox, path)).toEqual([503, 503, 503, 503]);

    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(problem).toBeHidden();
    await expect(page.getByRole('heading', { name: 'Route' })).toBeVisible();
    await expect.poll(() => apiCallsTo(sandbox, path)).toEqual([503, 503, 503, 503, 200]);
  });

  test('a 429 counts down its Retry-After and then tries again by itself', async ({ page, sandbox }) => {
    test.setTimeout(90_000);
    await sandbox.reset({ calls: 30 });
    const path = await openFirstCallFailing(page, sandbox, { status: 429, retryAfter: 2, times: 4 });
    const countdown = page.getByText(/^Firmafon is busy; trying again in \d s$/);
    await expect(countdown).toBeVisible({ timeout: 45_000 });
    // No click: the countdown ends in a new request, which Firmafon now answers.
    await expect(countdown).toBeHidden({ timeout: 20_000 });
    await expect(page.getByRole('heading', { name: 'Route' })).toBeVisible();
    await expect.poll(() => apiCallsTo(sandbox, path)).toEqual([429, 429, 429, 429, 200]);
  });

  test('one failed answer is retried without a word to the person', async ({ page, sandbox }) => {
    await sandbox.reset({ calls: 30 });
    const path = await openFirstCallFailing(page, sandbox, { status: 502, times: 1 });
    await expect(page.getByRole('heading', { name: 'Route' })).toBeVisible();
    await expect.poll(() => apiCallsTo(sandbox, path)).toEqual([502, 200]);
    await expect(page.getByText("Firmafon isn't answering right now", { exact: false })).toHaveCount(0);
  });
});
