/**
 * The sign-ins this tab has started and not yet finished, in sessionStorage (per tab, gone when the tab
 * closes). One key per `state`, so several pending sign-ins in one tab and sign-ins in two tabs never clash
 * (RFC 9700 §4.7: the state binds the callback to this browser session). Holds the PKCE verifier but never a
 * token. Entries older than PENDING_SIGN_IN_MAX_AGE_MS are dropped; a small list of consumed states lets the
 * callback recognise a replayed response.
 */
import { booleanField, fieldsOf, numberField, oneOf, optionalStringField, stringField } from '@common/shape.ts';
import { StateMode } from '@common/state-mode.ts';

export const PENDING_SIGN_IN_MAX_AGE_MS = 10 * 60 * 1000;
const PENDING_PREFIX = 'firmafon-dashboard.pending-sign-in.';
const CONSUMED_KEY = 'firmafon-dashboard.consumed-states';
const MAX_CONSUMED_STATES = 20;

export interface PendingSignIn {
  state: string;
  codeVerifier?: string | undefined;
  redirectUri: string;
  returnTo: string;
  createdAt: number;
  /** The deploy's state mode when this sign-in started (the callback may have to accept a missing state). */
  stateMode: StateMode;
  /** Started by session resume rather than a click. */
  auto: boolean;
}

/** Started no more than PENDING_SIGN_IN_MAX_AGE_MS ago (and not in the future). */
export function isLive(pending: PendingSignIn, now: number): boolean {
  const age = now - pending.createdAt;
  return age >= 0 && age <= PENDING_SIGN_IN_MAX_AGE_MS;
}

/**
 * A stored pending sign-in, checked by hand (common/shape.ts: the first script saves these before a resume
 * bounce); throws on anything else.
 */
function parsePendingSignIn(value: unknown): PendingSignIn {
  const fields = fieldsOf(value, 'pending sign-in');
  return {
    state: stringField(fields, 'state', { nonEmpty: true }),
    codeVerifier: optionalStringField(fields, 'codeVerifier'),
    redirectUri: stringField(fields, 'redirectUri'),
    returnTo: stringField(fields, 'returnTo'),
    createdAt: numberField(fields, 'createdAt'),
    stateMode: oneOf(fields, 'stateMode', [StateMode.required, StateMode.optional]),
    auto: booleanField(fields, 'auto'),
  };
}

function parseConsumedStates(value: unknown): string[] {
  return Array.isArray(value) && value.every((state) => typeof state === 'string') ? value : [];
}

export interface PendingSignInStore {
  save(pending: PendingSignIn): void;
  /** Live pending sign-ins, newest first; expired or unreadable entries are removed on the way. */
  list(): PendingSignIn[];
  remove(state: string): void;
  consumedStates(): string[];
  markConsumed(state: string): void;
}

export function createPendingSignInStore(storage: Storage, clock: () => number = Date.now): PendingSignInStore {
  function keys(): string[] {
    const result: string[] = [];
    for (let i = 0; i < storage.length; i += 1) {
      const key = storage.key(i);
      if (key?.startsWith(PENDING_PREFIX)) result.push(key);
    }
    return result;
  }

  /** The JSON stored under `key` as `parse` reads it; `fallback` when it is missing or unreadable. */
  function read<T>(key: string, parse: (value: unknown) => T, fallback: T): T {
    try {
      return parse(JSON.parse(storage.getItem(key) ?? 'null'));
    } catch {
      return fallback;
    }
  }

  const store: PendingSignInStore = {
    save(pending) {
      store.list(); // prunes
      storage.setItem(PENDING_PREFIX + pending.state, JSON.stringify(pending));
    },
    list() {
      const now = clock();
      const live: PendingSignIn[] = [];
      for (const key of keys()) {
        const pending = read(key, parsePendingSignIn, null);
        if (pending && isLive(pending, now) && key === PENDING_PREFIX + pending.state) live.push(pending);
        else storage.removeItem(key);
      }
      return live.sort((a, b) => b.createdAt - a.createdAt);
    },
    remove(state) {
      storage.removeItem(PENDING_PREFIX + state);
    },
    consumedStates() {
      return read(CONSUMED_KEY, parseConsumedStates, []);
    },
    markConsumed(state) {
      const next = [...store.consumedStates().filter((s) => s !== state), state].slice(-MAX_CONSUMED_STATES);
      storage.setItem(CONSUMED_KEY, JSON.stringify(next));
    },
  };
  return store;
}
