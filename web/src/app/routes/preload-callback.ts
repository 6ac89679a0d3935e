/** Starts loading what /auth/callback and the home page after it need; called by the entry on /auth/callback. */
import { HOME_PAGE_PATH, pageFor } from '../pages.ts';

export const loadCallbackRoute = () => import('./callback-route.tsx');

const ignore = () => {
  // A failed preload is retried when the code is needed.
};

export function preloadCallbackCode(): void {
  loadCallbackRoute().catch(ignore);
  pageFor(HOME_PAGE_PATH)?.load().catch(ignore);
}
