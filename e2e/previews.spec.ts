/**
 * Deploy previews sign in through the production relay (docs/decisions/0007), in a real browser against two local
 * deploys of one build: "production" on APP_URL and a "deploy preview" on PREVIEW_URL, with a sandbox that accepts
 * only production's callback and relay URIs. The relay must forward only verified answers, and refuse everything
 * else with a page of its own — never a redirect.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { APIRequestContext, Page } from '@playwright/test';
import { CALLBACK_PATH, CONFIG_PATH, DASHBOARD_REQUEST_HEADER, DASHBOARD_REQUEST_HEADER_VALUE, RELAY_PATH, RELAY_STATE_PATH } from '../common/routes.ts';
import { APP_URL, E2E_RELAY_SIGNING_KEY, PREVIEW_URL } from './env.ts';
import { expect, signIn, test } from './fixtures.ts';

const RELAY_URL = `${APP_URL}${RELAY_PATH}`;
const NOT_VALID = 'This sign-in link is not valid';

const nonce = () => randomBytes(32).toString('base64url');

/** Signs claims as a holder of RELAY_SIGNING_KEY would (the format of functions/_lib/signed-state.ts, written anew). */
function signClaims(claims: { o: string; n?: string; e: number }, key = E2E_RELAY_SIGNING_KEY): string {
  const payload = Buffer.from(JSON.stringify({ o: claims.o, n: claims.n ?? nonce(), e: claims.e })).toString('base64url');
  return `v1.${payload}.${createHmac('sha256', key).update(`v1.${payload}`).digest('base64url')}`;
}
const inFiveMinutes = () => Math.floor(Date.now() / 1000) + 300;

/** A state the preview's own function signs, as the SPA gets it. */
async function previewState(request: APIRequestContext): Promise<string> {
  const response = await request.post(`${PREVIEW_URL}${RELAY_STATE_PATH}`, {
    headers: { Origin: PREVIEW_URL, [DASHBOARD_REQUEST_HEADER]: DASHBOARD_REQUEST_HEADER_VALUE, 'Content-Type': 'application/json' },
    data: { nonce: nonce() },
  });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { state: string }).state;
}

function relayUrl(params: Record<string, string>): string {
  return `${RELAY_URL}?${new URLSearchParams(params).toString()}`;
}

/** Opens the relay URL in the page: it must answer 400 with its own page, no Location, and stay where it is. */
async function expectRelayRefuses(page: Page, url: string): Promise<void> {
  const response = await page.goto(url);
  expect(response?.status()).toBe(400);
  expect(response?.headers()['location']).toBeUndefined();
  expect(response?.headers()['cache-control']).toBe('no-store');
  expect(page.url()).toBe(url);
  await expect(page.getByRole('heading', { level: 1, name: NOT_VALID })).toBeVisible();
}

/** The relay's answers the page receives: status and where it sent the browser. */
function watchRelay(page: Page): Array<{ status: number; location: string | undefined }> {
  const answers: Array<{ status: number; location: string | undefined }> = [];
  page.on('response', (response) => {
    if (response.url().startsWith(`${RELAY_URL}?`)) answers.push({ status: response.status(), location: response.headers()['location'] });
  });
  return answers;
}

test.describe('the two deploys', () => {
  test('production signs in with its own callback; the preview is told to use the relay', async ({ request }) => {
    const production = await (await request.get(`${APP_URL}${CONFIG_PATH}`)).json();
    const preview = await (await request.get(`${PREVIEW_URL}${CONFIG_PATH}`)).json();
    expect(production).toMatchObject({ redirectUri: null, stateMode: 'required' });
    expect(preview).toMatchObject({ redirectUri: RELAY_URL, stateMode: 'required', clientId: production.clientId });
  });
});

test.describe('signing in', () => {
  test('on the deploy preview: through the production relay, ending signed in on the preview', async ({ page, sandbox }) => {
    const relayAnswers = watchRelay(page);
    await signIn(page, { startAt: `${PREVIEW_URL}/`, expectPath: '/calls' });
    expect(new URL(page.url()).origin).toBe(PREVIEW_URL);
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();

    expect(relayAnswers).toHaveLength(1);
    expect(relayAnswers[0]?.status).toBe(302);
    expect(relayAnswers[0]?.location).toMatch(new RegExp(`^${PREVIEW_URL.replace(/[.]/g, '\\.')}${CALLBACK_PATH}\\?code=[^&]+&state=v1\\.`));
    const log = await sandbox.log();
    expect(log.authorizeRequests.at(-1)).toMatchObject({ redirectUri: RELAY_URL, statePresent: true });
    expect(log.tokenRequests.at(-1)).toMatchObject({ redirectUri: RELAY_URL, outcome: 'ok' });
  });

  test('on production: directly, with the production callback', async ({ page, sandbox }) => {
    await signIn(page);
    expect(new URL(page.url()).origin).toBe(APP_URL);
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
    const log = await sandbox.log();
    expect(log.authorizeRequests.at(-1)?.redirectUri).toBe(`${APP_URL}${CALLBACK_PATH}`);
    expect(log.tokenRequests.at(-1)).toMatchObject({ redirectUri: `${APP_URL}${CALLBACK_PATH}`, outcome: 'ok' });
  });
});

test.describe('the relay', () => {
  test("forwards a verified answer to the preview's callback, and nothing else", async ({ request }) => {
    const state = await previewState(request);
    const response = await request.get(relayUrl({ code: 'relayed-code', state, next: 'https://evil.example/' }), { maxRedirects: 0 });
    expect(response.status()).toBe(302);
    const location = new URL(response.headers()['location'] ?? '');
    expect(`${location.origin}${location.pathname}`).toBe(`${PREVIEW_URL}${CALLBACK_PATH}`);
    expect(Object.fromEntries(location.searchParams)).toEqual({ code: 'relayed-code', state });
  });

  test('refuses a tampered state', async ({ page, request }) => {
    const [version, , mac] = (await previewState(request)).split('.');
    const payload = Buffer.from(JSON.stringify({ o: 'https://evil.example', n: nonce(), e: inFiveMinutes() })).toString('base64url');
    await expectRelayRefuses(page, relayUrl({ code: 'some-code', state: `${version}.${payload}.${mac}` }));
    await expectRelayRefuses(page, relayUrl({ code: 'some-code', state: signClaims({ o: PREVIEW_URL, e: inFiveMinutes() }, 'some-other-key-0000000000000000000000') }));
  });

  test('refuses an expired state', async ({ page }) => {
    await expectRelayRefuses(page, relayUrl({ code: 'some-code', state: signClaims({ o: PREVIEW_URL, e: Math.floor(Date.now() / 1000) - 60 }) }));
    await expect(page.getByText(/expired/)).toBeVisible();
  });

  for (const origin of [
    'https://evil.example',
    'https://deploy-preview-1--other-site.netlify.app',
    'https://deploy-preview-1--site.netlify.app.evil.example',
    'https://x.deploy-preview-1--site.netlify.app',
    `${PREVIEW_URL}.evil.example`,
    `${PREVIEW_URL}0`,
    APP_URL,
  ]) {
    test(`refuses a correctly signed state naming ${origin}`, async ({ page }) => {
      await expectRelayRefuses(page, relayUrl({ code: 'some-code', state: signClaims({ o: origin, e: inFiveMinutes() }) }));
    });
  }

  test('refuses an answer without a state, and a doubled state', async ({ page, request }) => {
    await expectRelayRefuses(page, relayUrl({ code: 'some-code' }));
    const state = await previewState(request);
    await expectRelayRefuses(page, `${relayUrl({ code: 'some-code', state })}&state=${encodeURIComponent(signClaims({ o: 'https://evil.example', e: inFiveMinutes() }))}`);
  });
});
