/**
 * Sign-in, session resume, sign-out and an ended session, in a real browser against the sandbox. The token
 * the sandbox issues is read from the /api/auth/token response and must appear in no storage and no URL. The first
 * script (web/src/boot.ts) decides before the app loads: a reload leaves for Firmafon having downloaded nothing
 * else, and a code is redeemed without waiting for the app's code.
 */
import { setTimeout as delay } from 'node:timers/promises';
import type { Page, Response } from '@playwright/test';
import { TOKEN_PATH } from '../common/routes.ts';
import { expect, LIVE_STATUS, logInAtFirmafon, signIn, test } from './fixtures.ts';
import { APP_URL, SANDBOX_URL, SANDBOX_USER } from './env.ts';

/** Resolves with the access token of the next successful token response. */
function captureIssuedToken(page: Page): Promise<string> {
  return page
    .waitForResponse((r: Response) => new URL(r.url()).pathname === '/api/auth/token' && r.request().method() === 'POST' && r.ok())
    .then(async (r) => ((await r.json()) as { access_token: string }).access_token);
}

async function expectTokenStoredNowhere(page: Page, token: string): Promise<void> {
  const stored = await page.evaluate(() => ({
    local: JSON.stringify(Object.entries(window.localStorage)),
    session: JSON.stringify(Object.entries(window.sessionStorage)),
    cookie: document.cookie,
    url: window.location.href,
  }));
  expect(token.length).toBeGreaterThan(10);
  expect(stored.local).not.toContain(token);
  expect(stored.session).not.toContain(token);
  expect(stored.cookie).not.toContain(token);
  expect(stored.url).not.toContain(token);
  const cookies = await page.context().cookies();
  expect(JSON.stringify(cookies)).not.toContain(token);
}

/** A resume is a full round trip through the sandbox (config, authorize, callback, token). */
const RESUME_TIMEOUT = 30_000;
const signOutButton = (page: Page) => page.getByRole('button', { name: 'Sign out' });

test.describe('sign-in', () => {
  test('a full sign-in through login and consent ends on the calls page with the employee named', async ({ page, sandbox }) => {
    const token = captureIssuedToken(page);
    await signIn(page);
    await expect(page).toHaveURL(/\/calls$/);
    await expect(signOutButton(page)).toBeVisible();
    await expect(page.getByRole('banner')).toContainText(SANDBOX_USER.name);
    await expectTokenStoredNowhere(page, await token);
    expect((await sandbox.log()).tokenRequests).toHaveLength(1);
  });

  test('leaves no code or state in the address bar after the callback', async ({ page, sandbox }) => {
    void sandbox;
    const callbackUrls: string[] = [];
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) callbackUrls.push(frame.url());
    });
    await signIn(page);
    expect(callbackUrls.some((u) => u.includes('/auth/callback?code='))).toBe(true);
    expect(page.url()).not.toMatch(/[?&](code|state)=/);
    const historyState = await page.evaluate(() => JSON.stringify(window.history.state));
    expect(historyState).not.toMatch(/code=/);
  });

  test('uses PKCE (S256) and a state, and the sandbox verifies the verifier', async ({ page, sandbox }) => {
    await signIn(page);
    const log = await sandbox.log();
    expect(log.authorizeRequests.at(-1)).toMatchObject({ statePresent: true, codeChallengeMethod: 'S256' });
    expect(log.tokenRequests.at(-1)).toMatchObject({ codeVerifierPresent: true, pkceVerified: true });
  });

  test('a protected page without a session shows the sign-in page and returns there afterwards', async ({ page, sandbox }) => {
    void sandbox;
    await page.goto('/calls?direction=incoming');
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await signIn(page, { startAt: '/calls?direction=incoming' });
    await expect(page).toHaveURL(/\/calls\?direction=incoming$/);
  });

  test('denied consent says so in plain words and offers to try again', async ({ page, sandbox }) => {
    const tokenRequests: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/auth/token')) tokenRequests.push(r.url());
    });
    await logInAtFirmafon(page);
    await page.getByRole('button', { name: 'Deny' }).click();
    await expect(page.getByText('You didn’t give the dashboard access to Firmafon.')).toBeVisible();
    expect(page.url()).not.toContain('error=');
    expect(tokenRequests).toEqual([]);
    // Trying again goes back to Firmafon's consent page.
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByRole('button', { name: 'Authorize' })).toBeVisible();
    await page.getByRole('button', { name: 'Authorize' }).click();
    await expect(page).toHaveURL(/\/calls$/);
    expect((await sandbox.log()).tokenRequests).toHaveLength(1);
  });
});

test.describe('session resume', () => {
  test('a reload signs in again without a click, on the same page and query string, storing no token', async ({ page, sandbox }) => {
    await signIn(page, { startAt: '/calls?direction=incoming&status=missed', expectPath: '/calls' });
    await expect(page).toHaveURL(/\/calls\?direction=incoming&status=missed$/);
    const second = captureIssuedToken(page);
    await page.reload();
    await expect(signOutButton(page)).toBeVisible({ timeout: RESUME_TIMEOUT });
    await expect(page).toHaveURL(/\/calls\?direction=incoming&status=missed$/);
    await expectTokenStoredNowhere(page, await second);
    const log = await sandbox.log();
    expect(log.tokenRequests).toHaveLength(2);
    expect(log.tokenRequests.every((t) => t.pkceVerified === true)).toBe(true);
  });

  test('a reload leaves for Firmafon before any of the app is downloaded', async ({ page, sandbox }) => {
    void sandbox;
    await signIn(page);
    // What the signed-in page loads after it shows (the header's tools, the voicemail badge, the push client) has
    // arrived: a reload while it was still on its way would count the old page's requests.
    const header = page.getByRole('banner');
    await expect(header.getByRole('button', { name: 'Do not disturb' })).toBeVisible();
    await expect(header.getByRole('button', { name: 'Also notify me' })).toBeVisible();
    await expect(page.getByTestId('unheard-badge')).toBeVisible();
    await expect(page.getByText(LIVE_STATUS.pushed)).toBeVisible();
    const html = await (await page.request.get('/calls')).text();
    const firstScripts = [...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)].map((match) => match[1]);
    expect(firstScripts).toHaveLength(1);
    const scripts: string[] = [];
    let reloading = false;
    let scriptsBeforeFirmafon: string[] | null = null;
    page.on('request', (request) => {
      const url = new URL(request.url());
      // Counted from the reload's own request for the page on.
      if (request.isNavigationRequest() && url.origin === APP_URL) reloading = true;
      if (reloading && request.resourceType() === 'script' && url.origin === APP_URL) scripts.push(url.pathname);
      if (scriptsBeforeFirmafon === null && url.origin === SANDBOX_URL && url.pathname.endsWith('/authorize')) scriptsBeforeFirmafon = [...scripts];
    });
    await page.reload();
    await expect(signOutButton(page)).toBeVisible({ timeout: RESUME_TIMEOUT });
    expect(scriptsBeforeFirmafon).toEqual(firstScripts);
    // Back on the dashboard, the app itself loaded.
    expect(scripts.length).toBeGreaterThan(firstScripts.length);
  });

  test('back from Firmafon, the code is redeemed while the app is still downloading', async ({ page, sandbox }) => {
    void sandbox;
    await logInAtFirmafon(page);
    const tokenRequested = page.waitForRequest((request) => new URL(request.url()).pathname === TOKEN_PATH, { timeout: 0 });
    let appHeldUntilTokenRequest: boolean | null = null;
    // The app's chunk is answered only once the token request has gone out (or after 20 s, when it never does).
    await page.route('**/assets/app-*.js', async (route) => {
      appHeldUntilTokenRequest = await Promise.race([tokenRequested.then(() => true), delay(20_000).then(() => false)]);
      await route.continue();
    });
    await page.getByRole('button', { name: 'Authorize' }).click();
    await expect(page).toHaveURL(/\/calls$/, { timeout: RESUME_TIMEOUT });
    await expect(signOutButton(page)).toBeVisible({ timeout: RESUME_TIMEOUT });
    expect(appHeldUntilTokenRequest).toBe(true);
  });

  test('the start page resumes the session of a browser that was signed in', async ({ page, sandbox }) => {
    void sandbox;
    await signIn(page);
    await page.goto('/');
    await expect(page).toHaveURL(/\/calls$/, { timeout: RESUME_TIMEOUT });
    await expect(signOutButton(page)).toBeVisible();
  });
});

test.describe('sign-out and ended sessions', () => {
  test('signing out returns to the sign-in page and a reload stays signed out', async ({ page, sandbox }) => {
    await signIn(page);
    await signOutButton(page).click();
    await expect(page.getByText('You have signed out.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Sign in with Firmafon' })).toBeVisible();
    await expect(signOutButton(page)).toHaveCount(0);
    const stored = await page.evaluate(() => window.localStorage.getItem('firmafon-dashboard.was-signed-in'));
    expect(stored).toBeNull();
    await page.reload();
    await expect(page.getByRole('button', { name: 'Sign in with Firmafon' })).toBeVisible();
    await page.goto('/calls');
    await expect(page.getByRole('button', { name: 'Sign in with Firmafon' })).toBeVisible();
    expect((await sandbox.log()).tokenRequests).toHaveLength(1);
  });

  test('a revoked token sends the user to sign-in with one explanation, and back to the same page', async ({ page, sandbox }) => {
    await signIn(page);
    const firstCall = page.getByRole('main').getByRole('link').first();
    await expect(firstCall).toBeVisible();
    await sandbox.revokeAll();
    // The click makes the next request; the page's own live refresh may get there first, which is as good.
    await firstCall.click({ timeout: 5_000 }).catch(() => undefined);
    const message = page.getByText('Your Firmafon session has ended (the access was revoked or expired). Sign in again to continue.');
    await expect(message).toBeVisible();
    await expect(message).toHaveCount(1);
    await expect(signOutButton(page)).toHaveCount(0);
    const pathBefore = new URL(page.url()).pathname;
    // No automatic bounce: the user may have revoked on purpose.
    await page.waitForTimeout(500);
    expect(new URL(page.url()).pathname).toBe(pathBefore);
    // Signing in again (the sandbox still knows the browser and the approval) returns to the same page.
    await page.getByRole('button', { name: 'Sign in with Firmafon' }).click();
    await page.waitForURL((url) => url.pathname === pathBefore, { timeout: RESUME_TIMEOUT });
    await expect(signOutButton(page)).toBeVisible();
  });
});

test.describe('language', () => {
  test('the whole sign-in page switches to Danish', async ({ page, sandbox }) => {
    void sandbox;
    await page.goto('/');
    await page.getByRole('button', { name: 'Dansk' }).click();
    await expect(page.getByRole('button', { name: 'Log ind med Firmafon' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'da');
  });
});
