/**
 * Automated accessibility checks (axe) on the sign-in page, the calls page and a call's details, in light
 * and dark colour schemes. Zero violations allowed. (axe is slow on a loaded machine: generous timeouts.)
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect as baseExpect, signIn, test } from './fixtures.ts';

/** The local functions answer slowly on a busy machine (seconds per request): wait longer than the default. */
const expect = baseExpect.configure({ timeout: 30_000 });

async function expectNoViolations(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(' | ')}`,
  );
  expect(summary, `axe violations on ${what}`).toEqual([]);
}

const callsTable = (page: Page) => page.getByRole('table', { name: 'Calls, newest first' });

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`accessibility (${colorScheme})`, () => {
    test.beforeEach(async ({ page }) => {
      test.setTimeout(150_000);
      await page.emulateMedia({ colorScheme });
    });

    test('the sign-in page has no axe violations', async ({ page, sandbox }) => {
      void sandbox;
      await page.goto('/');
      await expect(page.getByRole('button', { name: 'Sign in with Firmafon' })).toBeVisible();
      await expectNoViolations(page, 'the sign-in page');
    });

    test('the calls page has no axe violations, also with a filter error shown', async ({ page, sandbox }) => {
      await sandbox.reset({ calls: 120, hostileNames: true });
      await signIn(page);
      await expect(callsTable(page)).toBeVisible();
      await expect(page.getByRole('heading', { name: 'Missed and not called back' })).toBeVisible({ timeout: 30_000 });
      await expectNoViolations(page, 'the calls page');

      await page.getByLabel('Phone number').fill('nope');
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await expect(page.getByText('That is not a phone number', { exact: false })).toBeVisible();
      await expectNoViolations(page, 'the calls page with a filter error');
    });

    test("a call's details page has no axe violations, in English and Danish", async ({ page, sandbox }) => {
      await sandbox.reset({ calls: 60, hostileNames: true });
      await signIn(page);
      await callsTable(page).getByRole('link').nth(2).click();
      await expect(page.getByRole('heading', { name: 'Route' })).toBeVisible({ timeout: 30_000 });
      await expectNoViolations(page, 'the call details page');

      await page.getByRole('button', { name: 'Dansk' }).click();
      await expect(page.getByRole('heading', { name: 'Forløb' })).toBeVisible();
      await expectNoViolations(page, 'the call details page in Danish');
    });
  });
}
