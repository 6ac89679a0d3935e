/**
 * start-sign-in.ts and what it needs (PKCE, the pending-sign-in store, the relay state) load on demand: the
 * sign-in page paints without them and fetches them as soon as it shows, long before a click needs them.
 */
export const loadStartSignIn = () => import('./start-sign-in.ts');

/** Starts the download early; a failure here is retried by the next `loadStartSignIn()`. */
export function preloadStartSignIn(): void {
  loadStartSignIn().catch(() => {
    // Retried when the sign-in starts.
  });
}
