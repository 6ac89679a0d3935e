/**
 * A leaked code is worthless without the secret of the browser that started its sign-in (docs/decisions/0011): a
 * real code, captured on its way back from Firmafon, is posted to the token function from outside the browser with
 * everything its URL showed — and refused, without the function asking Firmafon — while the browser itself finishes
 * signing in with the same code. On production, on a deploy preview through the relay, and with two tabs at once.
 */
import type { Page, Route } from '@playwright/test';
import { CALLBACK_PATH, DASHBOARD_REQUEST_HEADER, DASHBOARD_REQUEST_HEADER_VALUE, FIRMAFON_API_BASE_PATH, RELAY_PATH, TOKEN_PATH } from '../common/routes.ts';
import { APP_URL, PREVIEW_URL, SANDBOX_URL } from './env.ts';
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
 * Holds Firmafon's answer to the consent (its redirect back to the dashboard, through the relay for a preview) and
 * gives `attack` what the callback URL shows — code and state — before the browser is let through. Playwright routes
 * only the first request of a redirect chain, so the consent POST is the one held.
 */
async function interceptCallback(page: Page, attack: (code: string, state: string) => Promise<void>): Promise<void> {
  const isConsent = (url: URL) => url.origin === SANDBOX_URL && url.pathname === `${FIRMAFON_API_BASE_PATH}/authorize`;
  await page.route(isConsent, async (route: Route) => {
    if (route.request().method() !== 'POST') return route.continue();
    const answer = await route.fetch({ maxRedirects: 0 });
    let location = answer.headers()['location'] ?? '';
    // A deploy preview's answer goes through the production relay first, which sends it on to the preview.
    if (new URL(location).pathname === RELAY_PATH) location = (await fetch(location, { redirect: 'manual' })).headers.get('location') ?? '';
    const callback = new URL(location);
    expect(callback.pathname).toBe(CALLBACK_PATH);
    await attack(callback.searchParams.get('code') ?? '', callback.searchParams.get('state') ?? '');
    await route.fulfill({ response: answer });
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
    await interceptCallback(page, async (code, state) => {
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
    await interceptCallback(page, async (code, state) => {
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
      await interceptCallback(tab, async (code, state) => {
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
