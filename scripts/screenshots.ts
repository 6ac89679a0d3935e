/**
 * `npm run screenshots`: signs in to the production-like run on the sandbox and saves the calls page
 * (light, dark, 375 px mobile), the voicemail inbox, the team board (with calls in progress that the sandbox's
 * control API starts, pushed), the wallboard (1920 × 1080) and the statistics page (light, dark) to docs/screenshots/,
 * as shown in the README.
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';
import { chromium, type Page } from '@playwright/test';
import { sandboxControl } from '../sandbox/client.ts';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './chromium.ts';

const PORT = Number(process.env.SCREENSHOTS_PORT ?? 8897);
const SANDBOX_PORT = PORT + 1000;
const APP = `http://localhost:${PORT}`;
const OUT = 'docs/screenshots';

const server = spawn('tsx', ['scripts/serve.ts'], {
  env: { ...process.env, PORT: String(PORT), SANDBOX_PORT: String(SANDBOX_PORT), FIRMAFON_CLIENT_ID: '' },
  stdio: 'ignore',
  detached: true,
});
const stopServer = () => {
  if (server.pid) process.kill(-server.pid, 'SIGTERM');
};

async function waitForApp(): Promise<void> {
  for (let i = 0; i < 400; i += 1) {
    try {
      if ((await fetch(`${APP}/api/config`)).ok) return;
    } catch {
      // not up yet
    }
    await delay(500);
  }
  throw new Error(`${APP} did not start`);
}

async function signIn(page: Page): Promise<void> {
  await page.goto(`${APP}/`);
  await page.getByRole('button', { name: 'Sign in with Firmafon' }).click();
  await page.getByLabel('Email').fill('mette@firmafon.test');
  await page.getByLabel('Password').fill('sandbox');
  await page.getByRole('button', { name: 'Log in' }).click();
  // Only the first sign-in asks for consent: Firmafon (and the sandbox) remembers the approval.
  const authorize = page.getByRole('button', { name: 'Authorize' });
  await Promise.race([authorize.click().catch(() => undefined), page.waitForURL((url) => url.pathname === '/calls')]);
  await page.waitForURL((url) => url.pathname === '/calls');
  await page.getByRole('table').getByRole('row').nth(5).waitFor();
  await page.waitForLoadState('networkidle');
}

try {
  await waitForApp();
  mkdirSync(OUT, { recursive: true });
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_FLAGS],
  });
  const openVoicemail = async (page: Page) => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Voicemail' }).click();
    await page.getByRole('list', { name: 'Voicemails, newest first' }).getByRole('listitem').nth(3).waitFor();
  };
  const openTeam = async (page: Page) => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Team' }).click();
    await page.getByRole('list', { name: 'Calls in progress' }).getByRole('listitem').nth(1).waitFor();
    await page.getByRole('list', { name: 'Members of Support' }).waitFor();
    await page.getByText('Live: updates as they happen.').waitFor();
  };
  const openWallboard = async (page: Page) => {
    await openTeam(page);
    await page.getByRole('link', { name: 'Open the wallboard' }).click();
    await page.getByTestId('wallboard-waiting').getByText('1').waitFor();
    await page.getByTestId('wallboard-answered').getByText('%').waitFor();
  };
  const openStatistics = async (page: Page) => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Statistics' }).click();
    await page.getByRole('table', { name: 'By reception' }).waitFor();
  };
  const shots: Array<{ name: string; colorScheme: 'light' | 'dark'; viewport: { width: number; height: number }; open?: (page: Page) => Promise<void>; fullPage?: boolean }> = [
    { name: 'calls-light.png', colorScheme: 'light', viewport: { width: 1280, height: 900 } },
    { name: 'calls-dark.png', colorScheme: 'dark', viewport: { width: 1280, height: 900 } },
    { name: 'calls-mobile.png', colorScheme: 'light', viewport: { width: 375, height: 812 } },
    { name: 'voicemail-light.png', colorScheme: 'light', viewport: { width: 1280, height: 900 }, open: openVoicemail },
    { name: 'team-light.png', colorScheme: 'light', viewport: { width: 1280, height: 1000 }, open: openTeam },
    { name: 'wallboard.png', colorScheme: 'dark', viewport: { width: 1920, height: 1080 }, open: openWallboard },
    { name: 'statistics-light.png', colorScheme: 'light', viewport: { width: 1280, height: 900 }, open: openStatistics, fullPage: true },
    { name: 'statistics-dark.png', colorScheme: 'dark', viewport: { width: 1280, height: 900 }, open: openStatistics },
  ];
  // Something happening for the team board: one call waiting at Support, one being talked on.
  const control = sandboxControl(`http://127.0.0.1:${SANDBOX_PORT}`);
  await control.ringCall({ receptionId: 2 });
  const talking = await control.ringCall({ receptionId: 1, employeeIds: [4] });
  await control.answerCall(talking.callUuid, 4);
  for (const shot of shots) {
    const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/Copenhagen', colorScheme: shot.colorScheme, viewport: shot.viewport });
    const page = await context.newPage();
    await signIn(page);
    if (shot.open) {
      await shot.open(page);
      await page.waitForLoadState('networkidle');
    }
    await page.screenshot({ path: `${OUT}/${shot.name}`, fullPage: shot.fullPage ?? false });
    console.log(`saved ${OUT}/${shot.name}`);
    await context.close();
  }
  await browser.close();
} finally {
  stopServer();
}
