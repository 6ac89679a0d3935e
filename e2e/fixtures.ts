/**
 * Shared browser-test fixtures: `sandbox` (the Firmafon sandbox's control API, reset before every test),
 * `signIn` (the whole OAuth round trip through the sandbox's login and consent pages), and an automatic
 * guard that fails any test during which the page reported a Content-Security-Policy violation.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { sandboxControl as sandboxControlAt, type SandboxControl } from '../sandbox/client.ts';
import type { ApiFault, RequestLog, Settings } from '../sandbox/state.ts';
import { SANDBOX_URL, SANDBOX_USER } from './env.ts';

/** The sandbox's own types, so the fixtures cannot drift from what it accepts and answers. */
export type SandboxResetOptions = Partial<Settings>;
/** What reached the sandbox: authorize, token and API requests (no codes, tokens or secrets). */
export type SandboxLog = RequestLog;
export type SandboxFault = ApiFault;

/** The sandbox's control API (sandbox/README.md); the `sandbox` fixture resets it before every test. */
export const sandboxControl = sandboxControlAt(SANDBOX_URL);
export type { SandboxControl };

/**
 * From `startAt` (default: the sign-in page), clicks "Sign in with Firmafon" and logs in on the sandbox's login
 * page; the browser is then on Firmafon's consent page (or already back, for an app approved before).
 */
export async function logInAtFirmafon(page: Page, options: { startAt?: string; user?: string } = {}): Promise<void> {
  await page.goto(options.startAt ?? '/');
  await page.getByRole('button', { name: 'Sign in with Firmafon' }).click();
  await page.getByLabel('Email').fill(options.user ?? SANDBOX_USER.email);
  await page.getByLabel('Password').fill(SANDBOX_USER.password);
  await page.getByRole('button', { name: 'Log in' }).click();
}

/**
 * Signs in through the sandbox, starting from `startAt` (a protected page or the sign-in page), and waits
 * until the app is back on `expectPath` (default: `startAt`'s path, or /calls).
 */
export async function signIn(page: Page, options: { startAt?: string; returnTo?: string; user?: string; expectPath?: string } = {}): Promise<void> {
  const startAt = options.startAt ?? options.returnTo ?? '/';
  await logInAtFirmafon(page, { startAt, ...(options.user ? { user: options.user } : {}) });
  await page.getByRole('button', { name: 'Authorize' }).click();
  const expectPath = options.expectPath ?? (startAt === '/' ? '/calls' : new URL(startAt, 'http://x').pathname);
  await page.waitForURL((url) => url.pathname === expectPath);
}

export const test = base.extend<{ sandbox: SandboxControl; cspGuard: void }>({
  // Playwright reads fixture dependencies from the destructuring pattern; this fixture has none.
  // eslint-disable-next-line no-empty-pattern
  sandbox: async ({}, use) => {
    await sandboxControl.reset();
    await use(sandboxControl);
  },
  cspGuard: [
    async ({ page }, use) => {
      const violations: string[] = [];
      page.on('console', (message) => {
        if (/Content[- ]Security[- ]Policy/i.test(message.text())) violations.push(message.text());
      });
      await use();
      expect(violations, 'Content-Security-Policy violations reported by the page').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** What calls in progress say while updates are pushed, and while push is not live and they are polled instead. */
export const LIVE_STATUS = {
  pushed: 'Live: updates as they happen.',
  polled: 'Live updates are not reaching the dashboard just now: updated every few seconds instead.',
} as const;
