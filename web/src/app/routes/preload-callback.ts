/**
 * Starts loading what /auth/callback and the signed-in pages after it need (the callback route, the signed-in
 * header, the home page); called by the entry on /auth/callback.
 */
import { loadSignedInHeader } from '../layout/load-signed-in-header.ts';
import { HOME_PAGE_PATH } from '@common/routes.ts';
import { pageFor } from '../pages.ts';

export const loadCallbackRoute = () => import('./callback-route.tsx');

const ignore = () => {
  // A failed preload is retried when the code is needed.
};

export function preloadCallbackCode(): void {
  loadCallbackRoute().catch(ignore);
  loadSignedInHeader().catch(ignore);
  pageFor(HOME_PAGE_PATH)?.load().catch(ignore);
}
