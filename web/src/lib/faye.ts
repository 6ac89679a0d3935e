/**
 * The Faye (Bayeux) browser client, for Firmafon's push service, loaded only when a page subscribes. It is the
 * `faye` package's own browser build (`client/faye-browser-min.js`, the maintained client Firmafon's pages use, ~10 KB
 * gzip), added as a same-origin <script> — which the Content-Security-Policy's `script-src 'self'` allows — rather
 * than bundled from the package's CommonJS sources, which need Node's `crypto` and `global`. A classic script defines
 * `window.Faye`; loaded as a module instead, its global lookup would fall back to `new Function`, which the policy
 * refuses.
 *
 * Faye's handshake may only use its "mandatory" connection types: same-origin long-polling, or JSONP for another
 * origin such as Firmafon's push service. JSONP runs a script from that origin, which `script-src 'self'` rightly
 * refuses (and allowing it would let any page script run code served by it). So each client's handshake is also
 * allowed the CORS long-polling transport that Faye uses for every later message to another origin (see
 * {@link allowCorsHandshake}); after the handshake Faye moves to a WebSocket as usual.
 */
import fayeClientUrl from 'faye/client/faye-browser-min.js?url';

export interface FayeMessage {
  channel: string;
  ext?: Record<string, unknown>;
}

export interface FayeError {
  code?: number;
  message?: string;
}

export interface FayeSubscription {
  then(onSubscribed: () => void, onRefused: (error: FayeError) => void): unknown;
  cancel(): void;
}

/** The parts of Faye.Client the dashboard uses. */
export interface FayeClient {
  addExtension(extension: { outgoing(message: FayeMessage, callback: (message: FayeMessage) => void): void }): void;
  disable(feature: string): void;
  subscribe(channel: string, onMessage: (message: unknown) => void): FayeSubscription;
  on(event: 'transport:up' | 'transport:down', listener: () => void): void;
  disconnect(): void;
}

export interface FayeClientOptions {
  /** Seconds to wait before sending a failed message again, by the attempts made so far (1, 2, …): the backoff. */
  retryAfter: (attempts: number) => number;
  /**
   * False once the client is no longer wanted. Faye then sends nothing more, not even its own retries: a client that
   * never connected ignores `disconnect()` and would otherwise retry its handshake for as long as the page is open.
   */
  isWanted: () => boolean;
}

export type CreateFayeClient = (url: string, options: FayeClientOptions) => FayeClient;

/** Faye's message scheduler (`Faye.Scheduler`): one per message, deciding its retries. */
interface FayeScheduler {
  attempts: number;
  isDeliverable(): boolean;
}
type FayeSchedulerClass = new (message: unknown, options: unknown) => FayeScheduler;

interface FayeGlobal {
  Client: new (url: string, options: { timeout: number; retry: number; scheduler: FayeSchedulerClass }) => FayeClient;
  Scheduler: FayeSchedulerClass;
}

/**
 * A Faye scheduler (its documented `scheduler` option) that waits `retryAfter(attempts)` between attempts instead of
 * Faye's fixed `retry`, and delivers nothing once the client is not wanted.
 */
function schedulerFor(faye: FayeGlobal, options: FayeClientOptions): FayeSchedulerClass {
  return class BackoffScheduler extends faye.Scheduler {
    getInterval(): number {
      return options.retryAfter(this.attempts);
    }
    override isDeliverable(): boolean {
      return options.isWanted() && super.isDeliverable();
    }
  };
}

/** The private part of a Faye 1.4 client this module adjusts (pinned in package.json). */
interface FayeDispatcherHolder {
  _dispatcher?: { selectTransport?: (types: string[]) => void };
}

/**
 * Lets the handshake of `client` use CORS long-polling (`cross-origin-long-polling`) besides Faye's mandatory types,
 * so that it never needs JSONP. Answers whether the client had the shape this relies on; without it the client is
 * left as it is (and its handshake to another origin fails, so the page polls).
 */
export function allowCorsHandshake(client: FayeClient): boolean {
  const dispatcher = (client as FayeClient & FayeDispatcherHolder)._dispatcher;
  const select = dispatcher?.selectTransport;
  if (!dispatcher || typeof select !== 'function') return false;
  dispatcher.selectTransport = (types) =>
    select.call(dispatcher, types.includes('long-polling') && !types.includes('cross-origin-long-polling') ? [...types, 'cross-origin-long-polling'] : types);
  return true;
}

let loading: Promise<CreateFayeClient> | null = null;

/**
 * Loads the client once per page (a failure is forgotten, so the next attempt loads again) and answers a factory.
 * Each client holds a long-poll at most 45 s and retries a failed message (a lost connection included: Faye
 * reconnects and subscribes again by itself) after the caller's backoff.
 */
export function loadFaye(): Promise<CreateFayeClient> {
  loading ??= new Promise<CreateFayeClient>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = fayeClientUrl;
    script.async = true;
    script.onload = () => {
      const faye = (window as Window & { Faye?: FayeGlobal }).Faye;
      if (faye) {
        resolve((url, options) => {
          const client = new faye.Client(url, { timeout: 45, retry: 5, scheduler: schedulerFor(faye, options) });
          allowCorsHandshake(client);
          return client;
        });
      }
      else reject(new Error('The live updates client did not start.'));
    };
    script.onerror = () => reject(new Error('The live updates client did not load.'));
    document.head.append(script);
  }).catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}
