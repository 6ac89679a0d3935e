/**
 * Automated accessibility checks (axe) on the sign-in page, the calls page and a call's details, in light
 * and dark colour schemes. Zero violations allowed.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, signIn, test } from './fixtures.ts';

async function expectNoViolations(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(' | ')}`);
  expect(summary, `axe violations on ${what}`).toEqual([]);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`accessibility (${colorScheme})`, () => {
    test.beforeEach(async ({ page }) => {
      await page.emulateMedia({ colorScheme });
    });

    test('the sign-in page has no axe violations', async ({ page, sandbox }) => {
      void sandbox;
      await page.goto('/');
      await expect(page.getByRole('button', { name: 'Sign in with Firmafon' })).toBeVisible();
      await expectNoViolations(page, 'the sign-in page');
    });

    test('the calls page and a call\'s details have no axe violations', async ({ page, sandbox }) => {
      await sandbox.reset({ calls: 120, hostileNames: true });
      await signIn(page);
      const table = page.getByRole('table', { name: 'Calls, newest first' });
      await expect(table).toBeVisible();
      await expect(page.getByRole('heading', { name: 'Missed and not called back' })).toBeVisible();
      await expectNoViolations(page, 'the calls page');

      // With an invalid filter shown.
      await page.getByLabel('Phone number').fill('nope');
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await expect(page.getByText('That is not a phone number', { exact: false })).toBeVisible();
      await expectNoViolations(page, 'the calls page with a filter error');

      await table.getByRole('link').first().click();
      await expect(page.getByRole('heading', { name: 'Route' })).toBeVisible();
      await expectNoViolations(page, 'the call details page');

      await page.getByRole('button', { name: 'Dansk' }).click();
      await expect(page.getByRole('heading', { name: 'Forløb' })).toBeVisible();
      await expectNoViolations(page, 'the call details page in Danish');
    });
  });
}
