/**
 * The incoming call notice in a real browser against the sandbox: a call ringing the signed-in person (Mette,
 * employee 1) shows who is calling at which reception in the header, with a link to that caller's history; a call
 * ringing someone else does not; the notice goes when the call is answered. "Also notify me" asks for permission
 * only when clicked. Polled, so the test waits for states.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect as baseExpect, signIn, test } from './fixtures.ts';

const expect = baseExpect.configure({ timeout: 30_000 });

test.describe.configure({ timeout: 180_000 });

test('shows who is calling me, links to their history, and goes when the call is answered', async ({ page, context, sandbox }) => {
  await signIn(page);
  const header = page.getByRole('banner');
  const notices = header.getByRole('paragraph').filter({ hasText: 'Incoming call' });
  await expect(header.getByRole('button', { name: 'Also notify me' })).toHaveAttribute('aria-pressed', 'false');

  const colleagues = await sandbox.ringCall({ receptionId: 1, employeeIds: [4], fromNumber: '4533445566' });
  const mine = await sandbox.ringCall({ receptionId: 2, employeeIds: [1], fromNumber: '4520304050' });
  await expect(notices).toHaveCount(1);
  await expect(notices.first()).toHaveText(/Incoming call from \+45 20 30 40 50 at Support · Call history$/);
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);

  await notices.first().getByRole('link', { name: 'Call history' }).click();
  await page.waitForURL((url) => url.pathname === '/calls' && url.searchParams.get('number') === '4520304050');
  await expect(page.getByLabel('Phone number')).toHaveValue('+45 20 30 40 50');
  // Still ringing: the notice stays on the next page.
  await expect(notices).toHaveCount(1);

  await sandbox.answerCall(mine.callUuid, 1);
  await expect(notices).toHaveCount(0);
  await sandbox.endCall(mine.callUuid);
  await sandbox.endCall(colleagues.callUuid);

  // Rung together with a colleague who answers: gone too.
  const shared = await sandbox.ringCall({ receptionId: 1, employeeIds: [1, 4], fromNumber: '4520304050' });
  await expect(notices).toHaveCount(1);
  await sandbox.answerCall(shared.callUuid, 4);
  await expect(notices).toHaveCount(0);
  await sandbox.endCall(shared.callUuid);

  // Permission is asked for on the click, and then the toggle is on.
  await context.grantPermissions(['notifications']);
  await header.getByRole('button', { name: 'Also notify me' }).click();
  await expect(header.getByRole('button', { name: 'Also notify me' })).toHaveAttribute('aria-pressed', 'true');
});
