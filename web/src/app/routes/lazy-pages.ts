/** The calls feature's pages, loaded on demand; `preloadCallsPage` starts the download early (callback). */
import { lazy } from 'react';

const importCallsPage = () => import('../../features/calls/calls-page.tsx');
const importCallDetailsPage = () => import('../../features/calls/call-details-page.tsx');

export const CallsPage = lazy(importCallsPage);
export const CallDetailsPage = lazy(importCallDetailsPage);

export function preloadCallsPage(): void {
  void importCallsPage().catch(() => {
    // A failed preload is retried by React.lazy when the page renders.
  });
}
