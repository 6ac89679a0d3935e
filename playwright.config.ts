/**
 * Browser tests: real Chromium (Debian's, or CHROMIUM_PATH; Playwright's own only if neither exists — it is
 * never downloaded here) against the production-like local run: the built SPA and bundled functions
 * served by `netlify serve` with netlify.toml's redirects and headers, on the Firmafon sandbox.
 *
 * Two deploys of one build (docs/decisions/0007): "production" on APP_URL (`netlify serve`: builds, starts the
 * sandbox, which accepts only production's callback and relay URIs) and, once it is up, a "deploy preview" on
 * PREVIEW_URL serving the same dist/ without building, with deploy-preview settings and the same sandbox and key.
 */
import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';
import { CALLBACK_PATH, RELAY_PATH } from './common/routes.ts';
import {
  APP_URL,
  E2E_CLIENT_SECRET,
  E2E_PORT,
  E2E_PREVIEW_PORT,
  E2E_RELAY_SIGNING_KEY,
  E2E_SANDBOX_PORT,
  PREVIEW_URL,
  SANDBOX_URL,
} from './e2e/env.ts';
import { PUSH_MOUNT } from './sandbox/push.ts';
import { CHROMIUM_FLAGS, DEBIAN_CHROMIUM } from './scripts/chromium.ts';
import { SANDBOX_CLIENT_ID } from './scripts/local-run.ts';

const chromiumPath = process.env.CHROMIUM_PATH ?? (existsSync(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : undefined);

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  // One app + one sandbox with shared state: tests run one after another.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  // Generous: on a 2-core CI machine one sign-in crosses three local servers.
  expect: { timeout: 20_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: APP_URL,
    locale: 'en-GB',
    timezoneId: 'Europe/Copenhagen',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromiumPath,
      args: [...CHROMIUM_FLAGS],
    },
  },
  // Started in this order, each once the one before answers.
  webServer: [
    {
      command: 'tsx scripts/serve.ts',
      url: `${APP_URL}/api/config`,
      timeout: 240_000,
      reuseExistingServer: false,
      // SIGTERM lets scripts/local-run.ts stop netlify-cli (its own process group) and the sandbox; SIGKILL would orphan them.
      gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
      stdout: 'ignore',
      stderr: 'pipe',
      env: {
        PORT: String(E2E_PORT),
        SANDBOX_PORT: String(E2E_SANDBOX_PORT),
        SANDBOX_CLIENT_SECRET: E2E_CLIENT_SECRET,
        SANDBOX_REDIRECT_URIS: `${APP_URL}${CALLBACK_PATH},${APP_URL}${RELAY_PATH}`,
        FIRMAFON_CLIENT_ID: '',
        FIRMAFON_URL: '',
        FIRMAFON_REDIRECT_ORIGIN: '',
        CONTEXT: 'production',
        RELAY_SIGNING_KEY: E2E_RELAY_SIGNING_KEY,
        // Local origins are not *.netlify.app: name the preview exactly (origin-patterns.ts is unit-tested with real shapes).
        RELAY_ORIGIN_PATTERN: PREVIEW_URL,
      },
    },
    {
      command: 'tsx scripts/serve.ts --prebuilt',
      url: `${PREVIEW_URL}/api/config`,
      timeout: 120_000,
      reuseExistingServer: false,
      gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
      stdout: 'ignore',
      stderr: 'pipe',
      env: {
        PORT: String(E2E_PREVIEW_PORT),
        CONTEXT: 'deploy-preview',
        FIRMAFON_URL: SANDBOX_URL,
        FIRMAFON_PUBSUB_URL: `${SANDBOX_URL}${PUSH_MOUNT}`,
        FIRMAFON_CLIENT_ID: SANDBOX_CLIENT_ID,
        FIRMAFON_CLIENT_SECRET: E2E_CLIENT_SECRET,
        FIRMAFON_PKCE: 'on',
        FIRMAFON_REDIRECT_ORIGIN: APP_URL,
        RELAY_SIGNING_KEY: E2E_RELAY_SIGNING_KEY,
        RELAY_ORIGIN_PATTERN: PREVIEW_URL,
      },
    },
  ],
});
