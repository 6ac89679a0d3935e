import faye, { type Client as FayeClient } from 'faye';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandboxControl } from './client.ts';
import { apiRequest, obtainToken, sandboxPerFile } from './test-support.ts';

const sandbox = sandboxPerFile({}, { resetEachTest: true });
let mette: string;
const clients: FayeClient[] = [];
beforeEach(async () => {
  mette = await obtainToken(sandbox.url);
});
afterEach(() => {
  for (const client of clients.splice(0)) client.disconnect();
});

/** A Faye client of the sandbox's push service that sends `token` in the extension, as Firmafon's clients do. */
function pushClient(token: string | null): FayeClient {
  const client = new faye.Client(`${sandbox.url}/faye`, { timeout: 10, retry: 1 });
  client.addExtension({
    outgoing(message, callback) {
      if (token !== null) message.ext = { ...message.ext, app: 'sandbox test', access_token: token };
      callback(message);
    },
  });
  clients.push(client);
  return client;
}

function subscribe(client: FayeClient, channel: string): { messages: unknown[]; ready: Promise<void> } {
  const messages: unknown[] = [];
  const subscription = client.subscribe(channel, (message) => messages.push(message));
  return { messages, ready: new Promise<void>((resolve, reject) => subscription.then(resolve, reject)) };
}

async function until<T>(read: () => T | undefined): Promise<T> {
  for (let i = 0; i < 200; i += 1) {
    const value = read();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('nothing arrived');
}

describe('the push service (Faye at /faye)', () => {
  it("publishes a call on the company's channel as it rings, is answered and ends", async () => {
    const { messages, ready } = subscribe(pushClient(mette), '/call2/company/1');
    await ready;
    const { callUuid } = await sandboxControl(sandbox.url).ringCall({ employeeIds: [4] });
    const call = (n: number) => (messages[n] as { data: { call_uuid: string; status: string; ended_at: string | null } } | undefined)?.data;
    expect(await until(() => call(0))).toMatchObject({ call_uuid: callUuid, status: 'ringing', ended_at: null });
    await sandboxControl(sandbox.url).answerCall(callUuid, 4);
    expect(await until(() => call(1))).toMatchObject({ status: 'answered', ended_at: null });
    await sandboxControl(sandbox.url).endCall(callUuid);
    expect(await until(() => call(2))).toMatchObject({ status: 'answered', ended_at: expect.any(String) });
  });

  it("publishes presence changes, including a do-not-disturb written through the API, on the company's presence channel", async () => {
    const { messages, ready } = subscribe(pushClient(mette), '/presence/company/1');
    await ready;
    await sandboxControl(sandbox.url).setPresence(3, 'available');
    expect(await until(() => messages[0])).toEqual({ endpoint: 'Employee#3', live_presence: 'available', busy_since: null, do_not_disturb: false, dnd_timeout_at: null });
    await apiRequest(`${sandbox.url}/api/v2/employees/1`, 'PUT', { token: mette, form: { 'employee[do_not_disturb]': 'true' } });
    expect(await until(() => messages.find((m) => (m as { endpoint: string }).endpoint === 'Employee#1'))).toMatchObject({ live_presence: 'do_not_disturb', do_not_disturb: true });
  });

  it("publishes a change made on the sandbox's own page", async () => {
    const { messages, ready } = subscribe(pushClient(mette), '/presence/company/1');
    await ready;
    await fetch(`${sandbox.url}/sandbox/presence`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'employeeId=2&presence=busy',
    });
    expect(await until(() => messages.find((m) => (m as { endpoint: string }).endpoint === 'Employee#2'))).toMatchObject({ live_presence: 'busy', busy_since: expect.any(String) });
  });

  it("refuses another company's channels and subscriptions without a live token", async () => {
    await expect(subscribe(pushClient(mette), '/call2/company/2').ready).rejects.toMatchObject({ code: 403 });
    await expect(subscribe(pushClient(mette), '/call2/employee/2').ready).rejects.toMatchObject({ code: 403 });
    await expect(subscribe(pushClient('not-a-token'), '/call2/company/1').ready).rejects.toMatchObject({ code: 401 });
    await expect(subscribe(pushClient(null), '/presence/company/1').ready).rejects.toMatchObject({ code: 401 });
  });

  it('refuses publishing from clients', async () => {
    const client = pushClient(mette);
    await subscribe(client, '/presence/company/1').ready;
    await expect(new Promise((resolve, reject) => client.publish('/presence/company/1', { endpoint: 'Employee#2', live_presence: 'busy' }).then(resolve, reject))).rejects.toMatchObject({
      code: 403,
    });
  });

  it('answers 503 while stopped through the control API, and again after a start', async () => {
    await sandboxControl(sandbox.url).setPush(false);
    expect((await fetch(`${sandbox.url}/faye`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '[]' })).status).toBe(503);
    await sandboxControl(sandbox.url).setPush(true);
    await subscribe(pushClient(mette), '/presence/company/1').ready;
  });
});
