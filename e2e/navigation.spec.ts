/**
 * The navigation bar: one link per page registered with a label (web/src/app/pages.ts), the current page marked,
 * usable with the keyboard, at 375 px and in both languages; absent before sign-in; on a laptop, a long name does not
 * push the header's tools under the product name; on a phone, the header keeps its height from the callback page to
 * the signed-in page.
 */
import type { Page } from '@playwright/test';
import { expect, signIn, test } from './fixtures.ts';
import { PROXY_PREFIX } from '../common/routes.ts';

const mainNavigation = (page: Page, name = 'Main') => page.getByRole('navigation', { name });

test.describe('navigation bar', () => {
  test('is not shown before sign-in', async ({ page, sandbox }) => {
    void sandbox;
    await page.goto('/');
    await expect(page.getByRole('button', { name: 'Sign in with Firmafon' })).toBeVisible();
    await expect(mainNavigation(page)).toHaveCount(0);
  });

  test('marks the current page, also on its sub-pages, and is reached and followed with the keyboard', async ({ page, sandbox }) => {
    void sandbox;
    await signIn(page);
    const calls = mainNavigation(page).getByRole('link', { name: 'Calls' });
    await expect(calls).toHaveAttribute('aria-current', 'page');

    // A call's details page belongs to "Calls".
    await page.getByRole('table', { name: 'Calls, newest first' }).getByRole('link').first().click();
    await expect(page).toHaveURL(/\/calls\/[^/]+$/);
    await expect(calls).toHaveAttribute('aria-current', 'page');

    // Tab from the top of the page reaches the link (after the skip link and the header's tools); Enter follows it.
    await page.keyboard.press('Home');
    await page.locator('body').focus();
    let reached = false;
    for (let i = 0; i < 12 && !reached; i += 1) {
      await page.keyboard.press('Tab');
      reached = await calls.evaluate((link) => link === document.activeElement);
    }
    expect(reached, 'the Calls link is reachable with Tab').toBe(true);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/calls$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Calls' })).toBeVisible();

    // The second page in the bar: Voicemail, not current until followed.
    const voicemail = mainNavigation(page).getByRole('link', { name: /^Voicemail/ });
    await expect(voicemail).not.toHaveAttribute('aria-current', 'page');
    await voicemail.click();
    await expect(page).toHaveURL(/\/voicemail$/);
    await expect(voicemail).toHaveAttribute('aria-current', 'page');
    await expect(calls).not.toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('heading', { level: 1, name: 'Voicemail' })).toBeVisible();
  });

  test('speaks Danish and fits 375 px without sideways page scrolling', async ({ page, sandbox }) => {
    void sandbox;
    await page.setViewportSize({ width: 375, height: 740 });
    await signIn(page);
    await page.getByRole('button', { name: 'Dansk' }).click();
    const calls = mainNavigation(page, 'Hovedmenu').getByRole('link', { name: 'Opkald' });
    await expect(calls).toBeVisible();
    const box = await calls.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 375, 'the link is inside the viewport').toBe(true);
    const voicemail = mainNavigation(page, 'Hovedmenu').getByRole('link', { name: /^Telefonsvarer/ });
    await expect(voicemail).toBeVisible();
    const voicemailBox = await voicemail.boundingBox();
    expect(voicemailBox && voicemailBox.x >= 0 && voicemailBox.x + voicemailBox.width <= 375, 'the voicemail link is inside the viewport').toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  });

  test('keeps the tools beside the product name on a laptop when the name is long: cut short, whole in its title', async ({ page, sandbox }) => {
    void sandbox;
    const longName = 'Mette Margrethe Christiansen-Østergaard Vestergaard Jensen';
    await page.setViewportSize({ width: 1100, height: 800 });
    await page.route((url) => url.pathname === `${PROXY_PREFIX}/employee`, async (route) => {
      const response = await route.fetch();
      const body = (await response.json()) as { employee: { name: string } };
      body.employee.name = longName;
      await route.fulfill({ response, json: body });
    });
    await signIn(page);
    const header = page.getByRole('banner');
    const name = header.getByText(longName);
    await expect(name).toHaveAttribute('title', longName);
    const signOut = header.getByRole('button', { name: 'Sign out' });
    await expect(signOut).toBeVisible();
    const brandBox = await header.getByRole('link', { name: 'Firmafon Dashboard' }).boundingBox();
    const signOutBox = await signOut.boundingBox();
    const nameBox = await name.boundingBox();
    expect(brandBox && signOutBox && signOutBox.y < brandBox.y + brandBox.height, '"Sign out" is on the product name\'s row').toBe(true);
    expect(nameBox && nameBox.width < 250, 'the name is cut short').toBe(true);
    await page.unrouteAll({ behavior: 'ignoreErrors' });
  });

  test('keeps its place on a phone while a reload signs in again: nothing in the page moves up or down', async ({ page, sandbox }) => {
    void sandbox;
    await page.setViewportSize({ width: 412, height: 823 });
    await signIn(page);
    const firstCall = page.getByRole('table', { name: 'Calls, newest first' }).getByRole('row').nth(1);
    await expect(firstCall).toBeVisible();
    // In every document from now on: each layout shift's vertical moves (Chromium's layout-shift entries).
    await page.addInitScript(() => {
      const moves: string[] = [];
      (window as unknown as { __verticalMoves: string[] }).__verticalMoves = moves;
      type Shift = PerformanceEntry & { sources?: Array<{ node?: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }> };
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as Shift[]) {
          for (const { node, previousRect, currentRect } of entry.sources ?? []) {
            if (previousRect.y !== currentRect.y) moves.push(`${node instanceof Element ? node.className : 'a node'}: ${previousRect.y} → ${currentRect.y}`);
          }
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.reload();
    await page.waitForURL((url) => url.pathname === '/calls');
    await expect(firstCall).toBeVisible();
    const header = page.getByRole('banner');
    await expect(header.getByText('Mette Jensen')).toBeVisible();
    await expect(header.getByRole('button', { name: 'Do not disturb' })).toBeVisible();
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (window as unknown as { __verticalMoves: string[] }).__verticalMoves)).toEqual([]);
  });
});
