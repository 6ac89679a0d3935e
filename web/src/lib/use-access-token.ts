/** React bindings for the in-memory token store (lib/access-token.ts). */
import { useSyncExternalStore } from 'react';
import { accessToken } from './access-token.ts';

/** The current token, or null. Re-renders when it is set or dropped. */
export function useAccessToken(): string | null {
  return useSyncExternalStore(accessToken.subscribe, accessToken.get, () => null);
}

/** True while a token is held. */
export function useIsSignedIn(): boolean {
  return useAccessToken() !== null;
}
