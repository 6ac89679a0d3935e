/**
 * One connection to Firmafon's push service per page, shared by every component that wants live updates
 * (docs/decisions/0015). It subscribes to the signed-in person's channels with the token in the Bayeux extension, as
 * Firmafon's own clients do, and hands each parsed message to the listeners, which write it into the React Query cache.
 *
 * - Started by the first component that needs it, stopped a few seconds after the last one goes (a page change does
 *   not reconnect). The Faye client itself is loaded then, not before (lib/faye.ts).
 * - One Faye client per target (push URL, channels, token). Faye reconnects a lost connection and subscribes again by
 *   itself; the connection only sets its pace, a backoff of 1 s doubling to {@link MAX_BACKOFF_MS} with jitter so that
 *   many browsers do not come back at once. (A Faye client is never freed — it registers an unload listener it never
 *   removes — so replacing it on every failure would leak one per attempt.)
 * - `live` once every channel is subscribed and while the transport is up; `down` while it is not, or when it is not
 *   live within {@link CONNECT_TIMEOUT_MS} (the pages poll instead).
 * - A 401 signs out, as every request's does (lib/api-client.ts); a 403 (a channel Firmafon refuses) stops trying for
 *   this page: polling carries on, and asking again would only be refused again. Another refused subscription starts
 *   a new client after the backoff.
 * - A message that does not parse is dropped and logged with its channel and the field that was wrong, never its
 *   contents (a caller's number).
 * - Every transition to `live` tells the listeners to catch up (`resync`): what changed while it was down was missed.
 */
import { accessToken, type SignedOutReason } from '@/lib/access-token.ts';
import { loadFaye, type CreateFayeClient, type FayeClient, type FayeError } from '@/lib/faye.ts';
import { PushMessageError, readPushMessage, type PushChannel, type PushEvent } from '../model/push-messages.ts';

/** Sent in every message's extension with the token (`ext.app`), so Firmafon can tell which application connects. */
export const PUSH_APP_NAME = 'Firmafon Dashboard';
export const CONNECT_TIMEOUT_MS = 10_000;
export const FIRST_BACKOFF_MS = 1_000;
export const MAX_BACKOFF_MS = 15_000;
/** How long the connection outlives its last user, so moving between pages keeps it. */
export const LINGER_MS = 5_000;

export type PushStatus = 'off' | 'connecting' | 'live' | 'down';
export type PushListener = (event: PushEvent | { kind: 'resync' }) => void;

export interface PushTarget {
  url: string;
  channels: readonly PushChannel[];
}

interface TokenStore {
  get(): string | null;
  clear(reason: SignedOutReason): void;
  subscribe(listener: () => void): () => void;
}

export interface PushDependencies {
  loadClient: () => Promise<CreateFayeClient>;
  token: TokenStore;
  /** 0 ≤ n < 1, for the backoff's jitter. */
  random: () => number;
  warn: (message: string) => void;
}

export interface PushConnection {
  status(): PushStatus;
  onStatus(listener: () => void): () => void;
  /** Receives every event while subscribed. */
  listen(listener: PushListener): () => void;
  /** Uses the connection to `target` until the returned release is called. */
  acquire(target: PushTarget): () => void;
}

/** The wait before reconnect attempt `attempt` (1, 2, …): 1 s doubling to the cap, ±20 %. */
export function backoffMs(attempt: number, random: number): number {
  const base = Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (0.8 + 0.4 * random));
}

const targetKey = (target: PushTarget) => JSON.stringify([target.url, target.channels.map((c) => c.name)]);

export function createPushConnection(deps: PushDependencies): PushConnection {
  let status: PushStatus = 'off';
  const statusListeners = new Set<() => void>();
  const listeners = new Set<PushListener>();
  let users = 0;
  let target: PushTarget | null = null;
  /** Bumped on every (re)start and stop: callbacks of an older client are ignored. */
  let generation = 0;
  let client: FayeClient | null = null;
  let attempt = 0;
  let refused = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let connectTimer: ReturnType<typeof setTimeout> | undefined;
  let lingerTimer: ReturnType<typeof setTimeout> | undefined;
  let tokenUsed: string | null = null;

  const setStatus = (next: PushStatus) => {
    if (next === status) return;
    const wasLive = status === 'live';
    status = next;
    for (const listener of statusListeners) listener();
    if (next === 'live' && !wasLive) for (const listener of listeners) listener({ kind: 'resync' });
  };

  const teardown = () => {
    // The old client's scheduler now delivers nothing, so it stops even if it never connected.
    generation += 1;
    clearTimeout(retryTimer);
    clearTimeout(connectTimer);
    const old = client;
    client = null;
    old?.disconnect();
  };

  const stop = () => {
    teardown();
    attempt = 0;
    refused = false;
    setStatus('off');
  };

  /** Not live (for now): the pages poll. With `restart`, a new client is started after the backoff. */
  const fail = (gen: number, restart: boolean) => {
    if (gen !== generation) return;
    setStatus('down');
    if (!restart || refused) return;
    teardown();
    attempt += 1;
    const myGen = generation;
    retryTimer = setTimeout(() => {
      if (myGen === generation) void start();
    }, backoffMs(attempt, deps.random()));
  };

  const refuse = (gen: number, error: FayeError) => {
    if (gen !== generation) return;
    if (error.code === 401) {
      // The token is no longer good: sign out, as a 401 from the API does — unless a newer sign-in replaced it.
      if (tokenUsed !== null && deps.token.get() === tokenUsed) deps.token.clear('expired');
      stop();
      return;
    }
    if (error.code === 403) {
      refused = true;
      deps.warn(`Live updates: Firmafon refused a subscription (403); the page polls instead.`);
      teardown();
      setStatus('down');
      return;
    }
    fail(gen, true);
  };

  async function start(): Promise<void> {
    teardown();
    const gen = generation;
    const current = target;
    const token = deps.token.get();
    if (!current || token === null) return setStatus('off');
    tokenUsed = token;
    if (status !== 'down') setStatus('connecting');
    connectTimer = setTimeout(() => fail(gen, false), CONNECT_TIMEOUT_MS);
    let create: CreateFayeClient;
    try {
      create = await deps.loadClient();
    } catch {
      return fail(gen, true);
    }
    if (gen !== generation) return;
    const faye = create(current.url, {
      retryAfter: (attempts) => backoffMs(attempts, deps.random()) / 1000,
      isWanted: () => gen === generation,
    });
    client = faye;
    // JSONP would load a script from the push origin, which the Content-Security-Policy rightly refuses.
    faye.disable('callback-polling');
    faye.addExtension({
      outgoing(message, callback) {
        const now = deps.token.get();
        if (now !== null) message.ext = { ...message.ext, app: PUSH_APP_NAME, access_token: now };
        callback(message);
      },
    });
    let subscribed = 0;
    const allSubscribed = () => subscribed === current.channels.length;
    faye.on('transport:down', () => fail(gen, false));
    faye.on('transport:up', () => {
      if (gen === generation && allSubscribed()) setStatus('live');
    });
    for (const channel of current.channels) {
      const subscription = faye.subscribe(channel.name, (message) => {
        if (gen !== generation) return;
        let event: PushEvent;
        try {
          event = readPushMessage(channel.kind, message);
        } catch (error) {
          if (!(error instanceof PushMessageError)) throw error;
          deps.warn(`Live updates: dropped a message on ${channel.name}: ${error.message}.`);
          return;
        }
        for (const listener of listeners) listener(event);
      });
      subscription.then(
        () => {
          if (gen !== generation) return;
          subscribed += 1;
          if (allSubscribed()) {
            clearTimeout(connectTimer);
            attempt = 0;
            setStatus('live');
          }
        },
        (error) => refuse(gen, error),
      );
    }
  }

  deps.token.subscribe(() => {
    const token = deps.token.get();
    if (token === null) stop();
    else if (users > 0 && token !== tokenUsed) {
      attempt = 0;
      refused = false;
      void start();
    }
  });

  return {
    status: () => status,
    onStatus(listener) {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    acquire(next) {
      users += 1;
      clearTimeout(lingerTimer);
      if (target === null || targetKey(target) !== targetKey(next) || status === 'off') {
        target = next;
        attempt = 0;
        refused = false;
        void start();
      }
      let released = false;
      return () => {
        if (released) return;
        released = true;
        users -= 1;
        if (users > 0) return;
        lingerTimer = setTimeout(() => {
          if (users === 0) {
            target = null;
            stop();
          }
        }, LINGER_MS);
      };
    },
  };
}

/** The page's connection. */
export const pushConnection = createPushConnection({
  loadClient: loadFaye,
  token: accessToken,
  random: Math.random,
  warn: (message) => console.warn(message),
});
