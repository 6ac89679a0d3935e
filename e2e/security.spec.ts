/**
 * The callback refuses what this tab did not start (RFC 9700 §4.7, CSRF), never redeems a code twice,
 * and no page breaks the production Content-Security-Policy.
 */
import type { Page } from '@playwright/test';
import { SANDBOX_URL } from './env.ts';
import { expect, logInAtFirmafon, signIn, test } from './fixtures.ts';

/** A resume is a full round trip through the sandbox (config, authorize, callback, token). */
const RESUME_TIMEOUT = 30_000;
const NOT_STARTED_HERE = 'This sign-in link wasn’t started here, so it was ignored for your safety.';

/** Every request the page sends to the token function, recorded from the start of the test. */
function watchTokenRequests(page: Page): { bodies: string[] } {
  const seen = { bodies: [] as string[] };
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/api/auth/token') seen.bodies.push(request.postData() ?? '');
  });
  return seen;
}

/** Collects `securitypolicyviolation` events from every document the page loads on the app's origin. */
async function watchCspViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction('__reportCspViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __reportCspViolation?: (text: string) => void }).__reportCspViolation;
      report?.(`${event.documentURI}: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  page.on('console', (message) => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

/**
 * Logs in on the sandbox and approves outside the browser (same cookies, redirect not followed), so the
 * app never sees the response; returns the callback URL with a real, unredeemed code.
 */
async function obtainCallbackUrl(page: Page): Promise<string> {
  await logInAtFirmafon(page);
  const authorize = page.getByRole('button', { name: 'Authorize' });
  await expect(authorize).toBeVisible();
  const form = await authorize.evaluate((button) => {
    const element = (button as HTMLButtonElement).form;
    if (!element) throw new Error('consent button outside a form');
    const fields: Record<string, string> = {};
    new FormData(element).forEach((value, key) => {
      fields[key] = String(value);
    });
    return { action: element.action, fields };
  });
  const response = await page.request.post(form.action, { form: { ...form.fields, decision: 'authorize' }, maxRedirects: 0 });
  const location = response.headers()['location'] ?? '';
  expect(location).toContain('/auth/callback?code=');
  return new URL(location, form.action).toString();
}

test.describe('callback checks', () => {
  test('rejects a forged state and sends nothing to the token function', async ({ page, sandbox }) => {
    void sandbox;
    const tokens = watchTokenRequests(page);
    await page.goto('/');
    await page.getByRole('button', { name: 'Sign in with Firmafon' }).click();
    await expect(page.getByLabel('Email')).toBeVisible();
    await page.goto('/auth/callback?code=attacker-code&state=attacker-state');
    await expect(page.getByText(NOT_STARTED_HERE)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Sign in with Firmafon' })).toBeVisible();
    expect(page.url()).not.toContain('attacker');
    expect(tokens.bodies).toEqual([]);
  });

  test('rejects a real code whose state was swapped, without redeeming it', async ({ page, sandbox }) => {
    const tokens = watchTokenRequests(page);
    const callbackUrl = new URL(await obtainCallbackUrl(page));
    callbackUrl.searchParams.set('state', 'swapped-state-value-0000000000000000000');
    await page.goto(callbackUrl.toString());
    await expect(page.getByText(NOT_STARTED_HERE)).toBeVisible();
    expect(tokens.bodies).toEqual([]);
    expect((await sandbox.log()).tokenRequests).toEqual([]);
  });

  test('refuses a callback that arrives in a tab which did not start the sign-in', async ({ page, context, sandbox }) => {
    const callbackUrl = await obtainCallbackUrl(page);
    const otherTab = await context.newPage();
    const tokens = watchTokenRequests(otherTab);
    await otherTab.goto(callbackUrl);
    await expect(otherTab.getByText(NOT_STARTED_HERE)).toBeVisible();
    expect(tokens.bodies).toEqual([]);
    expect((await sandbox.log()).tokenRequests).toEqual([]);
  });

  test('rejects a callback without state when no sign-in was started, sending nothing', async ({ page, sandbox }) => {
    void sandbox;
    const tokens = watchTokenRequests(page);
    await page.goto('/auth/callback?code=some-code');
    await expect(page.getByText(NOT_STARTED_HERE)).toBeVisible();
    expect(tokens.bodies).toEqual([]);
  });

  test('rejects a callback without state even while a sign-in is pending (state is required)', async ({ page, sandbox }) => {
    const tokens = watchTokenRequests(page);
    const callbackUrl = new URL(await obtainCallbackUrl(page));
    callbackUrl.searchParams.delete('state');
    await page.goto(callbackUrl.toString());
    await expect(page.getByText(NOT_STARTED_HERE)).toBeVisible();
    expect(tokens.bodies).toEqual([]);
    expect((await sandbox.log()).tokenRequests).toEqual([]);
  });

  test('a replayed callback URL shows no error page and never sends the used code again', async ({ page, sandbox }) => {
    const tokens = watchTokenRequests(page);
    let original = '';
    page.on('request', (request) => {
      if (request.isNavigationRequest() && request.url().includes('/auth/callback?code=') && !original) original = request.url();
    });
    await signIn(page);
    expect(original).not.toBe('');
    const usedCode = new URL(original).searchParams.get('code') ?? '';

    // Straight back to the original callback URL: the app resumes the session instead of failing.
    await page.goto(original);
    await expect(page).toHaveURL(/\/calls$/, { timeout: RESUME_TIMEOUT });
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
    await expect(page.getByText(NOT_STARTED_HERE)).toHaveCount(0);

    // A reload of the (cleaned) callback address behaves the same.
    await page.goto('/auth/callback');
    await expect(page).toHaveURL(/\/calls$/, { timeout: RESUME_TIMEOUT });
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();

    const redeemed = tokens.bodies.map((body) => (JSON.parse(body) as { code: string }).code);
    expect(redeemed.filter((code) => code === usedCode)).toHaveLength(1);
    expect(new Set(redeemed).size).toBe(redeemed.length);
    expect((await sandbox.log()).tokenRequests.every((t) => t.outcome === 'ok')).toBe(true);
  });

  test('sends the token request as JSON with the dashboard header and the exact redirect URI', async ({ page, sandbox }) => {
    void sandbox;
    const requestPromise = page.waitForRequest((r) => new URL(r.url()).pathname === '/api/auth/token');
    await signIn(page);
    const request = await requestPromise;
    expect(request.method()).toBe('POST');
    const headers = await request.allHeaders();
    expect(headers['x-firmafon-dashboard']).toBe('1');
    expect(headers['content-type']).toContain('application/json');
    const body = JSON.parse(request.postData() ?? '{}') as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['code', 'code_verifier', 'redirect_uri', 'state']);
    expect(body.redirect_uri).toBe(new URL('/auth/callback', page.url()).toString());
  });
});

test.describe('content security policy', () => {
  test('no page of the sign-in round trip reports a CSP violation', async ({ page, sandbox }) => {
    void sandbox;
    const violations = await watchCspViolations(page);
    await page.goto('/');
    await expect(page.getByRole('button', { name: 'Sign in with Firmafon' })).toBeVisible();
    await signIn(page);
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
    await page.goto('/no-such-page');
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    await page.goto('/auth/callback?code=x&state=y');
    await expect(page.getByText(NOT_STARTED_HERE)).toBeVisible();
    const appOrigin = new URL(page.url()).origin;
    expect(violations.filter((v) => !v.startsWith('http') || v.startsWith(appOrigin))).toEqual([]);
  });

  test('the app is served with a strict Content-Security-Policy', async ({ page, sandbox }) => {
    void sandbox;
    const response = await page.goto('/');
    const csp = response?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    // No form of ours posts anywhere but here: not even to Firmafon, where the sign-in goes by navigation.
    const directives = csp.split(';').map((directive) => directive.trim());
    expect(directives.filter((directive) => directive.startsWith('form-action'))).toEqual(["form-action 'self'"]);
    // Voicemails play from a Blob URL of a sound fetched with the token in a header; no other media source.
    expect(directives.filter((directive) => directive.startsWith('media-src'))).toEqual(["media-src 'self' blob:"]);
    // The page talks to its own functions and to exactly the push service its deploy names (here the sandbox's).
    const push = new URL(SANDBOX_URL);
    expect(directives.filter((directive) => directive.startsWith('connect-src'))).toEqual([`connect-src 'self' ${push.origin} ws://${push.host}`]);
    // One policy: a second (an earlier build's, say) would arrive joined to it by ", " and narrow it.
    expect(csp.split(', ')).toHaveLength(1);
    const inline = await page.evaluate(() => ({
      scripts: document.querySelectorAll('script:not([src])').length,
      styles: document.querySelectorAll('style').length,
    }));
    expect(inline.scripts).toBe(0);
    expect(inline.styles).toBe(0);
  });
});
