/**
 * The wallboard in a real browser against the sandbox: full screen (no header), a call the sandbox rings shows as
 * waiting and leaves the count when answered and when it ends, today's figures agree with the calls page's
 * overview, it is dark under a light system theme, axe passes and it fits 375 px and 1920 × 1080, in English and
 * Danish. It polls, so the tests wait for states, never for times.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect as baseExpect, signIn, test } from './fixtures.ts';

/** Polled state arrives within one poll (≤ 10 s) on an idle machine; a busy one needs longer. */
const expect = baseExpect.configure({ timeout: 30_000 });

test.describe.configure({ timeout: 180_000 });

const waiting = (page: Page) => page.getByTestId('wallboard-waiting');
const longestWait = (page: Page) => page.getByTestId('wallboard-longest-wait');
const answered = (page: Page) => page.getByTestId('wallboard-answered');
const notCalledBack = (page: Page) => page.getByTestId('wallboard-not-called-back');

async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

test.describe('wallboard', () => {
  test("agrees with the calls page's overview, and follows a call from waiting to answered to gone", async ({ page, sandbox }) => {
    await signIn(page, { startAt: '/wallboard' });
    await expect(page.getByRole('heading', { level: 1, name: 'Wallboard' })).toBeVisible();
    await expect(page.getByRole('banner')).toHaveCount(0);
    await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);

    // Today's figures, once loaded, are the calls page's overview figures.
    await expect(notCalledBack(page)).toHaveText(/^\d+$/);
    await expect(answered(page)).toHaveText(/^(\d+\s?%|–)$/);
    const wallAnswered = (await answered(page).textContent()) ?? '';
    const wallNotCalledBack = Number(await notCalledBack(page).textContent());
    await expect(page.getByTestId('wallboard-available')).toHaveText(/^\d+$/);

    await page.getByRole('link', { name: 'Team board' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Team' })).toBeVisible();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Calls' }).click();
    const overview = page.getByRole('region', { name: 'Today' });
    const answeredStat = overview.getByRole('term').filter({ hasText: /^Answered$/ }).locator('xpath=following-sibling::dd');
    await expect(answeredStat).toHaveText(wallAnswered === '–' ? '—' : wallAnswered);
    const callers = overview.getByRole('heading', { name: 'Missed and not called back' }).locator('xpath=following-sibling::ul[1]/li');
    if (wallNotCalledBack === 0) await expect(overview.getByText('Everyone who called today has been answered or called back.')).toBeVisible();
    else await expect(callers).toHaveCount(wallNotCalledBack);

    // Back to the wall by the team board's link.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Team' }).click();
    await page.getByRole('link', { name: 'Open the wallboard' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Wallboard' })).toBeVisible();
    await expect(waiting(page)).toHaveText('0');
    await expect(longestWait(page)).toHaveText('–');

    const { callUuid } = await sandbox.ringCall({ receptionId: 1 });
    await expect(waiting(page)).toHaveText('1');
    await expect(longestWait(page)).toHaveText(/^\d+ s$|^\d+ min \d\d s$/);
    await sandbox.ringMore(callUuid, [4]);
    await sandbox.answerCall(callUuid, 4);
    await expect(waiting(page)).toHaveText('0');
    await expect(longestWait(page)).toHaveText('–');

    const second = await sandbox.ringCall({ receptionId: 2 });
    await expect(waiting(page)).toHaveText('1');
    await sandbox.endCall(second.callUuid);
    await expect(waiting(page)).toHaveText('0');
    await sandbox.endCall(callUuid);
  });

  test('is dark under a light system theme, passes axe and fits 1920 × 1080 and 375 px, in English and Danish', async ({ page, sandbox }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 1920, height: 1080 });
    await sandbox.ringCall({ receptionId: 1 });
    await signIn(page, { startAt: '/wallboard' });
    await expect(waiting(page)).toHaveText('1');
    await expect(page.getByTestId('wallboard-available')).toHaveText(/^\d+$/);
    await expect(notCalledBack(page)).toHaveText(/^\d+$/);

    const looks = await page.evaluate(() => {
      const figure = document.querySelector('[data-testid="wallboard-waiting"]');
      return {
        background: getComputedStyle(document.body).backgroundColor,
        figurePx: figure ? Number.parseFloat(getComputedStyle(figure).fontSize) : 0,
        width: document.documentElement.scrollWidth,
        height: document.documentElement.scrollHeight,
      };
    });
    expect(looks.background).toBe('rgb(11, 17, 20)');
    // Readable across a room: figures over 100 px tall on a 1080p screen, all of it on one screen.
    expect(looks.figurePx).toBeGreaterThanOrEqual(100);
    expect(looks.width).toBeLessThanOrEqual(1920);
    expect(looks.height).toBeLessThanOrEqual(1080);
    expect(await axeViolations(page)).toEqual([]);

    await page.setViewportSize({ width: 375, height: 740 });
    await expect(waiting(page)).toHaveText('1');
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

    // The language is chosen in the header, which the wall does not show: on the team board, then back.
    await page.getByRole('link', { name: 'Team board' }).click();
    await page.getByRole('button', { name: 'Dansk' }).click();
    await page.getByRole('link', { name: 'Åbn vægskærmen' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Vægskærm' })).toBeVisible();
    await expect(page.getByText('Opkald i kø')).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  });
});
