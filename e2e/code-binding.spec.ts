/**
 * A leaked code is worthless without the secret of the browser that started its sign-in (docs/decisions/0011): a
 * real code, captured on its way back from Firmafon, is posted to the token function from outside the browser with
 * everything its URL showed — and refused, without the function asking Firmafon — while the browser itself finishes
 * signing in with the same code. On production, on a deploy preview through the relay, and with two tabs at once.
 */
import type { Page, Route } from '@playwright/test';
import { CALLBACK_PATH, DASHBOARD_REQUEST_HEADER, DASHBOARD_REQUEST_HEADER_VALUE, RELAY_PATH, TOKEN_PATH } from '../common/routes.ts';
import { APP_URL, PREVIEW_URL } from './env.ts';
import { expect, logInAtFirmafon, test } from './fixtures.ts';

interface OutsideAttempt {
  status: number;
  error: string;
}

/** Posts to a deploy's token function as a script outside any browser would: the custom header, JSON, no Origin. */
async function redeemFromOutside(origin: string, body: Record<string, string>): Promise<OutsideAttempt> {
  const response = await fetch(`${origin}${TOKEN_PATH}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', [DASHBOARD_REQUEST_HEADER]: DASHBOARD_REQUEST_HEADER_VALUE },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as { error?: string };
  return { status: response.status, error: json.error ?? '' };
}

/**
 * Holds the browser's navigation to `origin`'s callback; `attack` gets what the URL shows (code and state) before
 * the browser is let through.
 */
async function interceptCallback(page: Page, origin: string, attack: (code: string, state: string) => Promise<void>): Promise<void> {
  await page.route(`${origin}${CALLBACK_PATH}?*`, async (route: Route) => {
    const url = new URL(route.request().url());
    await attack(url.searchParams.get('code') ?? '', url.searchParams.get('state') ?? '');
    await route.continue();
  });
}

/** Two outside attempts with everything the URL showed: with no verifier, and with a verifier made up for it. */
async function attemptsWith(origin: string, redirectUri: string, code: string, state: string): Promise<OutsideAttempt[]> {
  return [
    await redeemFromOutside(origin, { code, redirect_uri: redirectUri, state }),
    await redeemFromOutside(origin, { code, redirect_uri: redirectUri, state, code_verifier: 'made-up-verifier-made-up-verifier-made-up-000' }),
  ];
}

const REFUSED = [
  { status: 400, error: 'invalid_binding' },
  { status: 400, error: 'invalid_binding' },
];

test.describe('a captured code redeemed from outside the browser', () => {
  test('is refused on production, while the browser signs in with the same code', async ({ page, sandbox }) => {
    const attempts: OutsideAttempt[] = [];
    await interceptCallback(page, APP_URL, async (code, state) => {
      expect(code).not.toBe('');
      attempts.push(...(await attemptsWith(APP_URL, `${APP_URL}${CALLBACK_PATH}`, code, state)));
    });
    await logInAtFirmafon(page);
    await page.getByRole('button', { name: 'Authorize' }).click();
    await page.waitForURL((url) => url.origin === APP_URL && url.pathname === '/calls');
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();

    expect(attempts).toEqual(REFUSED);
    // The refusals never reached Firmafon: the one token request it saw is the browser's, and it worked.
    expect((await sandbox.log()).tokenRequests.map((t) => t.outcome)).toEqual(['ok']);
  });

  test('is refused on a deploy preview signing in through the relay, while the browser signs in', async ({ page, sandbox }) => {
    const attempts: OutsideAttempt[] = [];
    await interceptCallback(page, PREVIEW_URL, async (code, state) => {
      expect(state).toMatch(/^v1\./);
      attempts.push(...(await attemptsWith(PREVIEW_URL, `${APP_URL}${RELAY_PATH}`, code, state)));
    });
    await logInAtFirmafon(page, { startAt: `${PREVIEW_URL}/` });
    await page.getByRole('button', { name: 'Authorize' }).click();
    await page.waitForURL((url) => url.origin === PREVIEW_URL && url.pathname === '/calls');
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();

    expect(attempts).toEqual(REFUSED);
    expect((await sandbox.log()).tokenRequests.map((t) => t.outcome)).toEqual(['ok']);
  });

  test('is refused for either of two tabs signing in at once, while both tabs sign in', async ({ page, context, sandbox }) => {
    const second = await context.newPage();
    const attempts: OutsideAttempt[] = [];
    for (const tab of [page, second]) {
      await interceptCallback(tab, APP_URL, async (code, state) => {
        attempts.push(...(await attemptsWith(APP_URL, `${APP_URL}${CALLBACK_PATH}`, code, state)));
      });
    }
    // Both tabs start a sign-in before either finishes: the first logs in, the second reaches the consent page too.
    await logInAtFirmafon(page);
    await expect(page.getByRole('button', { name: 'Authorize' })).toBeVisible();
    await second.goto('/');
    await second.getByRole('button', { name: 'Sign in with Firmafon' }).click();
    await expect(second.getByRole('button', { name: 'Authorize' })).toBeVisible();

    await page.getByRole('button', { name: 'Authorize' }).click();
    await second.getByRole('button', { name: 'Authorize' }).click();
    for (const tab of [page, second]) {
      await tab.waitForURL((url) => url.pathname === '/calls');
      await expect(tab.getByRole('button', { name: 'Sign out' })).toBeVisible();
    }

    expect(attempts).toEqual([...REFUSED, ...REFUSED]);
    expect((await sandbox.log()).tokenRequests.map((t) => t.outcome)).toEqual(['ok', 'ok']);
  });
});
