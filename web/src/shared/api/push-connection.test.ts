import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FayeClient, FayeClientOptions, FayeError, FayeMessage } from '@/lib/faye.ts';
import { channelsFor, type PushEvent } from '../model/push-messages.ts';
import { backoffMs, CONNECT_TIMEOUT_MS, createPushConnection, LINGER_MS, MAX_BACKOFF_MS, PUSH_APP_NAME, type PushConnection, type PushListener } from './push-connection.ts';

/** A Faye client on the far side of which the test plays the push service. */
class FakeFaye implements FayeClient {
  readonly url: string;
  readonly options: FayeClientOptions;
  private outgoing: Array<(message: FayeMessage, callback: (message: FayeMessage) => void) => void> = [];
  readonly disabled: string[] = [];
  readonly subscriptions = new Map<string, { deliver: (message: unknown) => void; accept: () => void; refuse: (error: FayeError) => void }>();
  private transport: Record<'transport:up' | 'transport:down', Array<() => void>> = { 'transport:up': [], 'transport:down': [] };
  disconnected = false;

  constructor(url: string, options: FayeClientOptions) {
    this.url = url;
    this.options = options;
  }
  addExtension(extension: { outgoing(message: FayeMessage, callback: (message: FayeMessage) => void): void }) {
    this.outgoing.push(extension.outgoing.bind(extension));
  }
  disable(feature: string) {
    this.disabled.push(feature);
  }
  subscribe(channel: string, onMessage: (message: unknown) => void) {
    let accept = () => {};
    let refuse: (error: FayeError) => void = () => {};
    this.subscriptions.set(channel, { deliver: onMessage, accept: () => accept(), refuse: (error) => refuse(error) });
    return {
      then(onSubscribed: () => void, onRefused: (error: FayeError) => void) {
        accept = onSubscribed;
        refuse = onRefused;
      },
      cancel() {},
    };
  }
  on(event: 'transport:up' | 'transport:down', listener: () => void) {
    this.transport[event].push(listener);
  }
  disconnect() {
    this.disconnected = true;
  }
  /** The message as it would leave the browser, after the extensions. */
  send(message: FayeMessage): FayeMessage {
    let out = message;
    for (const extension of this.outgoing) extension(out, (next) => (out = next));
    return out;
  }
  acceptAll() {
    for (const subscription of this.subscriptions.values()) subscription.accept();
  }
  dropTransport() {
    for (const listener of this.transport['transport:down']) listener();
  }
  /** Faye got through again (it reconnects and subscribes again by itself). */
  restoreTransport() {
    for (const listener of this.transport['transport:up']) listener();
  }
}

const ME = { id: 7, company_id: 1 };
const TARGET = { url: 'https://pubsub.example/faye', channels: channelsFor(ME) };
const A_CALL = {
  call_uuid: 'call-1',
  company_id: '1',
  from_number: '4512345678',
  from_number_hidden: 'false',
  started_at: '2026-11-30T09:00:00Z',
  ended_at: null,
  status: 'ringing',
  nodes: [{ node_uuid: 'n1', call_uuid: 'call-1', endpoint: 'Employee#7', started_at: '2026-11-30T09:00:00Z', answered_at: null, ended_at: null, state: 'open', node_type: 'employee' }],
};

let clients: FakeFaye[];
let token: string | null;
let tokenListeners: Set<() => void>;
let cleared: string[];
let warnings: string[];
let events: Array<PushEvent | { kind: 'resync' }>;
let connection: PushConnection;

const latest = () => {
  const client = clients.at(-1);
  if (!client) throw new Error('no client yet');
  return client;
};
/** Lets the loader's promise and the subscription callbacks run. */
const settle = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => {
  vi.useFakeTimers();
  clients = [];
  token = 'token-1';
  tokenListeners = new Set();
  cleared = [];
  warnings = [];
  events = [];
  connection = createPushConnection({
    loadClient: () =>
      Promise.resolve((url: string, options: FayeClientOptions) => {
        const client = new FakeFaye(url, options);
        clients.push(client);
        return client;
      }),
    token: {
      get: () => token,
      clear: (reason) => {
        cleared.push(reason);
        token = null;
        for (const listener of tokenListeners) listener();
      },
      subscribe: (listener) => {
        tokenListeners.add(listener);
        return () => tokenListeners.delete(listener);
      },
    },
    random: () => 0.5,
    warn: (message) => warnings.push(message),
  });
  connection.listen(((event) => events.push(event)) satisfies PushListener);
});

afterEach(() => {
  vi.useRealTimers();
});

describe('the push connection', () => {
  it("subscribes to the person's own channels with the token and the app's name in every message, and is live once all are subscribed", async () => {
    connection.acquire(TARGET);
    expect(connection.status()).toBe('connecting');
    await settle();
    const client = latest();
    expect(client.url).toBe('https://pubsub.example/faye');
    expect(client.disabled).toEqual(['callback-polling']);
    expect([...client.subscriptions.keys()]).toEqual(['/call2/company/1', '/call2/employee/7', '/presence/company/1']);
    expect(client.send({ channel: '/meta/subscribe' }).ext).toEqual({ app: PUSH_APP_NAME, access_token: 'token-1' });

    client.subscriptions.get('/call2/company/1')?.accept();
    await settle();
    expect(connection.status()).toBe('connecting');
    client.acceptAll();
    await settle();
    expect(connection.status()).toBe('live');
    expect(events).toEqual([{ kind: 'resync' }]);
  });

  it('hands on calls (wrapped or bare, with the string flags Firmafon pushes) and presence, parsed', async () => {
    connection.acquire(TARGET);
    await settle();
    latest().acceptAll();
    await settle();
    latest().subscriptions.get('/call2/company/1')?.deliver({ data: A_CALL });
    latest().subscriptions.get('/call2/employee/7')?.deliver(A_CALL);
    latest().subscriptions.get('/presence/company/1')?.deliver({ endpoint: 'Employee#7', live_presence: 'busy', busy_since: '2026-11-30T09:00:00Z', do_not_disturb: false, dnd_timeout_at: null });
    expect(events.slice(1)).toEqual([
      { kind: 'call', call: expect.objectContaining({ call_uuid: 'call-1', from_number_hidden: false, company_id: '1' }) },
      { kind: 'call', call: expect.objectContaining({ call_uuid: 'call-1' }) },
      { kind: 'presence', presence: { endpoint: 'Employee#7', live_presence: 'busy', busy_since: '2026-11-30T09:00:00Z', do_not_disturb: false, dnd_timeout_at: null } },
    ]);
  });

  it('drops a message that does not parse and logs its channel and field, never its contents', async () => {
    connection.acquire(TARGET);
    await settle();
    latest().acceptAll();
    await settle();
    latest().subscriptions.get('/call2/company/1')?.deliver({ data: { ...A_CALL, started_at: 'yesterday, 4512345678' } });
    latest().subscriptions.get('/presence/company/1')?.deliver({ endpoint: 'Reception#4512345678', live_presence: 'busy' });
    expect(events).toEqual([{ kind: 'resync' }]);
    expect(warnings).toEqual([
      'Live updates: dropped a message on /call2/company/1: started_at is not as expected.',
      'Live updates: dropped a message on /presence/company/1: endpoint is not as expected.',
    ]);
    expect(warnings.join(' ')).not.toContain('4512345678');
  });

  it('goes down when the transport is lost and live again when Faye gets through, keeping its one client', async () => {
    connection.acquire(TARGET);
    await settle();
    latest().acceptAll();
    await settle();
    latest().dropTransport();
    expect(connection.status()).toBe('down');
    latest().restoreTransport();
    expect(connection.status()).toBe('live');
    expect(events.filter((e) => e.kind === 'resync')).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(MAX_BACKOFF_MS * 4);
    expect(clients).toHaveLength(1);
    expect(latest().disconnected).toBe(false);
  });

  it("sets the pace of Faye's own retries: 1 s doubling to the cap, with jitter", async () => {
    connection.acquire(TARGET);
    await settle();
    expect([1, 2, 3, 4, 5, 9].map((attempts) => latest().options.retryAfter(attempts))).toEqual([1, 2, 4, 8, 15, 15]);
  });

  it('is not live before every channel is subscribed, even when the transport is up', async () => {
    connection.acquire(TARGET);
    await settle();
    latest().restoreTransport();
    expect(connection.status()).toBe('connecting');
  });

  it('counts a connection that is not live within the timeout as down, and live once it gets there', async () => {
    connection.acquire(TARGET);
    await settle();
    await vi.advanceTimersByTimeAsync(CONNECT_TIMEOUT_MS);
    expect(connection.status()).toBe('down');
    latest().acceptAll();
    await settle();
    expect(connection.status()).toBe('live');
    expect(clients).toHaveLength(1);
  });

  it('stops what it no longer wants: a replaced or stopped client delivers nothing more, even if it never connected', async () => {
    const release = connection.acquire(TARGET);
    await settle();
    const first = latest();
    expect(first.options.isWanted()).toBe(true);
    connection.acquire({ url: 'https://other.example/faye', channels: TARGET.channels });
    await settle();
    expect(first.options.isWanted()).toBe(false);
    expect(first.disconnected).toBe(true);
    first.acceptAll();
    first.subscriptions.get('/call2/company/1')?.deliver(A_CALL);
    await settle();
    expect(connection.status()).toBe('connecting');
    expect(events).toEqual([]);
    release();
  });

  it('signs out on a 401, as any request does, and stops', async () => {
    connection.acquire(TARGET);
    await settle();
    latest().subscriptions.get('/call2/company/1')?.refuse({ code: 401, message: 'Unauthorized' });
    await settle();
    expect(cleared).toEqual(['expired']);
    expect(connection.status()).toBe('off');
    await vi.advanceTimersByTimeAsync(MAX_BACKOFF_MS * 2);
    expect(clients).toHaveLength(1);
  });

  it('keeps a newer sign-in when a 401 answers for the token before it', async () => {
    connection.acquire(TARGET);
    await settle();
    token = 'token-2';
    latest().subscriptions.get('/call2/company/1')?.refuse({ code: 401 });
    await settle();
    expect(cleared).toEqual([]);
  });

  it('stops trying after a 403 (a channel Firmafon refuses) and says why, leaving the page to poll', async () => {
    connection.acquire(TARGET);
    await settle();
    latest().subscriptions.get('/presence/company/1')?.refuse({ code: 403, message: 'Forbidden channel' });
    await settle();
    expect(connection.status()).toBe('down');
    expect(warnings).toEqual(['Live updates: Firmafon refused a subscription (403); the page polls instead.']);
    await vi.advanceTimersByTimeAsync(MAX_BACKOFF_MS * 4);
    expect(clients).toHaveLength(1);
  });

  it('starts a new client after the backoff when a subscription is refused otherwise', async () => {
    connection.acquire(TARGET);
    await settle();
    latest().subscriptions.get('/presence/company/1')?.refuse({ code: 500 });
    expect(connection.status()).toBe('down');
    expect(latest().disconnected).toBe(true);
    await vi.advanceTimersByTimeAsync(backoffMs(1, 0.5) - 1);
    expect(clients).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(clients).toHaveLength(2);
    latest().subscriptions.get('/presence/company/1')?.refuse({ code: 500 });
    await vi.advanceTimersByTimeAsync(backoffMs(2, 0.5));
    expect(clients).toHaveLength(3);
  });

  it('outlives its last user by a moment, so a page change keeps it; then disconnects', async () => {
    const release = connection.acquire(TARGET);
    await settle();
    latest().acceptAll();
    await settle();
    release();
    await vi.advanceTimersByTimeAsync(LINGER_MS - 1);
    const again = connection.acquire(TARGET);
    await vi.advanceTimersByTimeAsync(LINGER_MS * 2);
    expect(clients).toHaveLength(1);
    expect(connection.status()).toBe('live');
    again();
    again();
    await vi.advanceTimersByTimeAsync(LINGER_MS);
    expect(latest().disconnected).toBe(true);
    expect(connection.status()).toBe('off');
  });

  it('stops when the person signs out, and reconnects with the new token after another sign-in', async () => {
    connection.acquire(TARGET);
    await settle();
    latest().acceptAll();
    await settle();
    token = null;
    for (const listener of tokenListeners) listener();
    expect(connection.status()).toBe('off');
    expect(latest().disconnected).toBe(true);
    token = 'token-3';
    for (const listener of tokenListeners) listener();
    await settle();
    expect(clients).toHaveLength(2);
    expect(latest().send({ channel: '/meta/connect' }).ext).toMatchObject({ access_token: 'token-3' });
  });

  it('connects again to a new target (another push URL or person) at once', async () => {
    connection.acquire(TARGET);
    await settle();
    connection.acquire({ url: 'https://other.example/faye', channels: TARGET.channels });
    await settle();
    expect(clients.map((c) => c.url)).toEqual(['https://pubsub.example/faye', 'https://other.example/faye']);
    expect(clients[0]?.disconnected).toBe(true);
  });
});

describe('backoffMs', () => {
  it('doubles from 1 s to the cap, with ±20 % jitter', () => {
    expect([1, 2, 3, 4, 5, 6, 10].map((n) => backoffMs(n, 0.5))).toEqual([1000, 2000, 4000, 8000, 15000, 15000, 15000]);
    expect(backoffMs(1, 0)).toBe(800);
    expect(backoffMs(1, 0.999999)).toBe(1200);
  });
});
