/** React bindings for the in-memory token store (lib/access-token.ts). */
import { useSyncExternalStore } from 'react';
import { accessToken, type SignedOutReason } from '../../lib/access-token.ts';

/** The current token, or null. Re-renders when it is set or dropped. */
export function useAccessToken(): string | null {
  return useSyncExternalStore(accessToken.subscribe, accessToken.get, () => null);
}

/** True while a token is held. */
export function useIsSignedIn(): boolean {
  return useAccessToken() !== null;
}

/** Why the last token went away (null while signed in or if never signed in). */
export function useSignedOutReason(): SignedOutReason | null {
  return useSyncExternalStore(accessToken.subscribe, accessToken.lastSignedOutReason, () => null);
}
