/**
 * The access token, held in this module's memory and nowhere else: never in localStorage, sessionStorage,
 * a cookie or the URL (docs/decisions/0009-the-access-token-lives-in-memory-only.md). A reload forgets it by design; the auth
 * feature signs the user in again through Firmafon (session resume).
 */

/** Why the token went away; the auth feature turns this into a message. */
export type SignedOutReason = 'signed-out' | 'expired';

type Listener = () => void;

let token: string | null = null;
let lastReason: SignedOutReason | null = null;
const listeners = new Set<Listener>();

function emit(): void {
  for (const listener of listeners) listener();
}

export const accessToken = {
  get(): string | null {
    return token;
  },
  /** Why the last token was dropped (null while signed in or before any sign-in). */
  lastSignedOutReason(): SignedOutReason | null {
    return lastReason;
  },
  set(value: string): void {
    token = value;
    lastReason = null;
    emit();
  },
  /** Drops the token. Called on sign-out, and by the API client on any 401. */
  clear(reason: SignedOutReason): void {
    if (token === null && lastReason === reason) return;
    token = null;
    lastReason = reason;
    emit();
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
