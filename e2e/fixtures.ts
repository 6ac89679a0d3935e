/**
 * Shared browser-test fixtures: `sandbox` (the Firmafon sandbox's control API, reset before every test),
 * `signIn` (the whole OAuth round trip through the sandbox's login and consent pages), and an automatic
 * guard that fails any test during which the page reported a Content-Security-Policy violation.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { SANDBOX_URL, SANDBOX_USER } from './env.ts';

export interface SandboxResetOptions {
  calls?: number;
  seed?: number;
  dataset?: 'default' | 'boundaries';
  hostileNames?: boolean;
  dropState?: boolean;
  requirePkce?: boolean;
}

export interface SandboxLog {
  authorizeRequests: Array<{ at: string; clientId: string; redirectUri: string; statePresent: boolean; codeChallengeMethod: string | null }>;
  tokenRequests: Array<{ at: string; clientId: string; redirectUri: string; codeVerifierPresent: boolean; pkceVerified: boolean | null; outcome: string }>;
  apiRequests: Array<{ at: string; path: string; authVia: 'header' | 'query' | 'none'; status: number }>;
}

async function control<T>(path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${SANDBOX_URL}/sandbox/control/${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`sandbox control ${path} failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

export const sandboxControl = {
  url: SANDBOX_URL,
  reset: (options: SandboxResetOptions = {}) => control<{ ok: true }>('reset', options),
  revokeAll: () => control<{ revoked: number }>('revoke-all', {}),
  settings: (options: { dropState?: boolean; requirePkce?: boolean }) => control<unknown>('settings', options),
  addCalls: (count: number) => control<{ calls: Array<{ call_uuid: string }> }>('add-calls', { count }),
  /** The next `times` API requests for `/api/v2{path}` fail with `status` (see sandbox/README.md). */
  fault: (fault: { path: string; status: 429 | 500 | 502 | 503; retryAfter?: number; times: number }) => control<unknown>('fault', fault),
  log: () => control<SandboxLog>('log'),
};
export type SandboxControl = typeof sandboxControl;

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
