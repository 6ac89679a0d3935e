/**
 * Browser tests: real Chromium (Debian's, or CHROMIUM_PATH; Playwright's own only if neither exists — it is
 * never downloaded here) against the production-like local run: the built SPA and bundled functions
 * served by `netlify serve` with netlify.toml's redirects and headers, on the Firmafon sandbox.
 */
import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';
import { APP_URL, E2E_CLIENT_SECRET, E2E_PORT, E2E_SANDBOX_PORT } from './e2e/env.ts';

const chromiumPath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  // One app + one sandbox with shared state: tests run one after another.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: APP_URL,
    locale: 'en-GB',
    timezoneId: 'Europe/Copenhagen',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    command: 'tsx scripts/serve.ts',
    url: `${APP_URL}/api/config`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(E2E_PORT),
      SANDBOX_PORT: String(E2E_SANDBOX_PORT),
      SANDBOX_CLIENT_SECRET: E2E_CLIENT_SECRET,
      FIRMAFON_CLIENT_ID: '',
      FIRMAFON_URL: '',
    },
  },
});
