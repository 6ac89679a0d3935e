/**
 * The voicemail inbox in a real browser against the sandbox: the unheard count beside "Voicemail" in the
 * navigation, paging to the
 * end (each message exactly once, compared with the sandbox's own list), playback through the sound function
 * (marks heard), "Mark as unheard", delete with its dialog, axe and a phone-sized screen. The sandbox is asked
 * directly, with a token of its own, what it now holds.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { formatPhoneNumber, phoneNumberKey } from '../common/phone.ts';
import { CALLBACK_PATH } from '../common/routes.ts';
import { SandboxOAuthClient } from '../sandbox/client.ts';
import { SANDBOX_CLIENT_ID } from '../scripts/local-run.ts';
import { APP_URL, E2E_CLIENT_SECRET, SANDBOX_URL } from './env.ts';
import { expect as baseExpect, signIn, test } from './fixtures.ts';

/** The local functions answer slowly on a busy machine (seconds per request): wait longer than the default. */
const expect = baseExpect.configure({ timeout: 30_000 });

test.describe.configure({ timeout: 180_000 });

interface SandboxVoiceMail {
  id: number;
  created_at: string;
  heard: boolean;
  from_number: string | null;
}

/**
 * A token of the sandbox's own. Get it after the browser signed in: it approves the app for the user, and the
 * browser would then skip the consent page `signIn` expects.
 */
async function sandboxToken(): Promise<string> {
  const oauth = new SandboxOAuthClient({
    sandboxUrl: SANDBOX_URL,
    clientId: SANDBOX_CLIENT_ID,
    clientSecret: E2E_CLIENT_SECRET,
    redirectUri: `${APP_URL}${CALLBACK_PATH}`,
  });
  return oauth.token();
}

async function sandboxGet(token: string, path: string): Promise<Response> {
  return fetch(`${SANDBOX_URL}/api/v2${path}`, { headers: { Authorization: `Bearer ${token}` } });
}

/** Every voicemail the sandbox has for the user, paged with `limit=100` and the inclusive cursor, by id. */
async function sandboxVoiceMails(token: string): Promise<SandboxVoiceMail[]> {
  const byId = new Map<number, SandboxVoiceMail>();
  let cursor: string | null = null;
  for (let i = 0; i < 100; i += 1) {
    const query = new URLSearchParams({ limit: '100' });
    if (cursor) query.set('created_at_lt_or_eq', cursor);
    const body = (await (await sandboxGet(token, `/voice_mails?${query.toString()}`)).json()) as { voice_mails: SandboxVoiceMail[] };
    for (const m of body.voice_mails) byId.set(m.id, m);
    if (body.voice_mails.length < 100) break;
    cursor = body.voice_mails.at(-1)!.created_at;
  }
  return [...byId.values()];
}

async function sandboxVoiceMail(token: string, id: number): Promise<{ status: number; heard: boolean | null }> {
  const response = await sandboxGet(token, `/voice_mails/${id}`);
  if (response.status !== 200) return { status: response.status, heard: null };
  const body = (await response.json()) as { voice_mail: SandboxVoiceMail };
  return { status: 200, heard: body.voice_mail.heard };
}

const inbox = (page: Page): Locator => page.getByRole('list', { name: 'Voicemails, newest first' });
const rows = (page: Page): Locator => inbox(page).getByRole('listitem');
const rowById = (page: Page, id: number): Locator => inbox(page).locator(`li[data-voicemail-id="${id}"]`);
const END = "You've reached the oldest voicemail";

/**
 * The badge beside "Voicemail": the number, and "N unheard" for assistive technology; the link's name stays
 * "Voicemail". No badge when nothing is unheard.
 */
async function expectBadge(page: Page, unheard: number): Promise<void> {
  const item = page.getByRole('navigation', { name: 'Main' }).getByRole('listitem').filter({ hasText: 'Voicemail' });
  if (unheard === 0) {
    await expect(item.getByTestId('unheard-badge')).toHaveCount(0);
    return;
  }
  await expect(item.getByTestId('unheard-badge').getByText(String(unheard), { exact: true })).toBeVisible();
  await expect(item.getByText(`${unheard} unheard`, { exact: true })).toBeAttached();
}

async function openInbox(page: Page): Promise<void> {
  await signIn(page, { startAt: '/voicemail' });
  await expect(page.getByRole('heading', { level: 1, name: 'Voicemail' })).toBeVisible();
  await expect(inbox(page)).toBeVisible();
}

test.describe('voicemail inbox', () => {
  test('shows the unheard count beside "Voicemail" in the navigation and pages to the end, each message exactly once', async ({ page, sandbox }) => {
    await sandbox.reset({ calls: 3000 });
    await openInbox(page);
    const token = await sandboxToken();
    const expected = await sandboxVoiceMails(token);
    const unheard = expected.filter((m) => !m.heard).length;
    expect(expected.length, 'the sandbox has more than one page of voicemails').toBeGreaterThan(60);
    expect(unheard).toBeGreaterThan(0);

    const link = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Voicemail', exact: true });
    await expect(link).toHaveAttribute('aria-current', 'page');
    await expectBadge(page, unheard);

    const end = page.getByText(END);
    const deadline = Date.now() + 120_000;
    while (!(await end.isVisible()) && Date.now() < deadline) {
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      const more = page.getByRole('button', { name: 'Load older voicemails' });
      if (await more.isVisible()) await more.click({ timeout: 2_000 }).catch(() => undefined);
      else await page.waitForTimeout(250);
    }
    await expect(end).toBeVisible();

    const ids = await rows(page).evaluateAll((items) => items.map((li) => Number(li.getAttribute('data-voicemail-id'))));
    expect(ids).toHaveLength(expected.length);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort((a, b) => a - b)).toEqual(expected.map((m) => m.id).sort((a, b) => a - b));
    const times = await inbox(page)
      .locator('time')
      .evaluateAll((ts) => ts.map((t) => Date.parse(t.getAttribute('datetime') ?? '')));
    for (let i = 1; i < times.length; i += 1) expect(times[i]).toBeLessThanOrEqual(times[i - 1]!);
    await expect(page.getByText(`${expected.length} voicemails shown`)).toBeVisible();
  });

  test('plays a message, which marks it heard, and marks it unheard again', async ({ page, sandbox }) => {
    void sandbox;
    await openInbox(page);
    const token = await sandboxToken();
    const newest = (await sandboxVoiceMails(token)).sort((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at) || b.id - a.id)[0]!;
    expect(newest.heard).toBe(false);
    const unheard = (await sandboxVoiceMails(token)).filter((m) => !m.heard).length;
    await expectBadge(page, unheard);

    const row = rowById(page, newest.id);
    await expect(row.getByText('Unheard', { exact: true })).toBeVisible();
    await row.getByRole('button', { name: /^Play voicemail from / }).click();

    const audio = row.locator('audio');
    await expect(audio).toBeVisible();
    expect(await audio.getAttribute('src')).toMatch(/^blob:/);
    await expect.poll(() => audio.evaluate((el: HTMLAudioElement) => el.currentTime), { timeout: 30_000 }).toBeGreaterThan(0.5);
    await expect.poll(async () => (await sandboxVoiceMail(token, newest.id)).heard, { timeout: 30_000 }).toBe(true);
    await expect(row.getByText('Unheard', { exact: true })).toHaveCount(0);
    await expectBadge(page, unheard - 1);

    // Speed, natively.
    await row.getByLabel('Speed').selectOption('2');
    expect(await audio.evaluate((el: HTMLAudioElement) => el.playbackRate)).toBe(2);

    await row.getByRole('button', { name: 'Mark as unheard' }).click();
    await expect(row.getByText('Unheard', { exact: true })).toBeVisible();
    await expectBadge(page, unheard);
    await expect.poll(async () => (await sandboxVoiceMail(token, newest.id)).heard, { timeout: 30_000 }).toBe(false);
  });

  test('deletes a message after a confirmation dialog that Escape cancels', async ({ page, sandbox }) => {
    void sandbox;
    await openInbox(page);
    const token = await sandboxToken();
    const row = rows(page).nth(1);
    const id = Number(await row.getAttribute('data-voicemail-id'));
    const deleteButton = row.getByRole('button', { name: /^Delete voicemail from / });
    const caller = ((await deleteButton.getAttribute('aria-label')) ?? '').replace('Delete voicemail from ', '');

    await deleteButton.click();
    const dialog = page.getByRole('dialog', { name: 'Delete this voicemail?' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(caller);
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    // Focus stays inside.
    for (let i = 0; i < 3; i += 1) {
      await page.keyboard.press('Tab');
      expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    }
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(deleteButton).toBeFocused();
    expect((await sandboxVoiceMail(token, id)).status).toBe(200);

    await deleteButton.click();
    await dialog.getByRole('button', { name: 'Delete voicemail' }).click();
    await expect(rowById(page, id)).toHaveCount(0);
    await expect(page.getByText(`The voicemail from ${caller} was deleted.`)).toBeVisible();
    await expect.poll(async () => (await sandboxVoiceMail(token, id)).status, { timeout: 30_000 }).toBe(404);
  });

  test('has no axe violations, filters by "unheard only" in the URL and fits 375 px', async ({ page, sandbox }) => {
    await sandbox.reset({ calls: 400, hostileNames: true });
    await page.setViewportSize({ width: 375, height: 740 });
    await openInbox(page);
    // Axe looks at a settled page: the list and the unheard count have arrived.
    await expect(page.getByText(/\d+ voicemails shown/)).toBeVisible();
    await expect(page.getByTestId('unheard-badge')).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

    // The filter is applied through the URL, in a transition: the box shows checked once it has been, which on a busy
    // machine is after the click returns (check() would give up at once).
    await page.getByLabel('Unheard only').click();
    await expect(page.getByLabel('Unheard only')).toBeChecked();
    await expect(page).toHaveURL(/\/voicemail\?unheard=1$/);
    await expect(page.getByText(/Showing unheard messages among the \d+ loaded/)).toBeVisible();
    for (const text of await rows(page).allTextContents()) expect(text).toContain('Unheard');

    await rows(page).first().getByRole('button', { name: /^Play voicemail from / }).click();
    const audio = rows(page).first().locator('audio');
    await expect(audio).toBeVisible();
    await expect.poll(() => audio.evaluate((element) => (element as HTMLAudioElement).readyState)).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    const playing = await new AxeBuilder({ page }).analyze();
    expect(playing.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
  });

  test('calls a caller back from their message: one dial to their number, none for a hidden number', async ({ page, sandbox }) => {
    await sandbox.reset({ calls: 400 });
    await openInbox(page);
    const token = await sandboxToken();
    const newestFirst = (await sandboxVoiceMails(token)).sort((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at) || b.id - a.id);
    const message = newestFirst.find((m) => phoneNumberKey(m.from_number) !== null && /\d/.test(m.from_number ?? ''));
    if (!message?.from_number) throw new Error('the sandbox has no voicemail with a visible number');
    const shown = formatPhoneNumber(message.from_number);

    const row = rowById(page, message.id);
    await row.getByRole('button', { name: `Call ${shown}`, exact: true }).click();
    const dialog = page.getByRole('dialog', { name: `Call ${shown}?` });
    await expect(dialog).toContainText('Firmafon will ring your own phone first');
    await dialog.getByRole('button', { name: 'Call', exact: true }).dblclick();
    await expect(dialog.getByRole('status')).toHaveText(`Calling ${shown} — answer your phone`);
    expect((await sandbox.dials()).map((d) => [d.employeeId, d.toNumber])).toEqual([[1, phoneNumberKey(message.from_number)]]);
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await expect(dialog).toBeHidden();

    // Every loaded row offers a call back exactly when its caller's number is shown.
    const loaded = await rows(page).evaluateAll((items) => items.map((li) => Number(li.getAttribute('data-voicemail-id'))));
    const byId = new Map(newestFirst.map((m) => [m.id, m]));
    for (const id of loaded.slice(0, 30)) {
      const number = byId.get(id)?.from_number ?? null;
      const callable = number !== null && /\d/.test(number) && phoneNumberKey(number) !== null;
      await expect(rowById(page, id).getByRole('button', { name: /^Call \+/ })).toHaveCount(callable ? 1 : 0);
    }
  });
});
