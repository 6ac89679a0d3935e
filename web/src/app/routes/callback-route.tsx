/**
 * `/auth/callback`. Lives in app/ because finishing a sign-in spans features. The entry has already taken the
 * code out of the URL (main.tsx); this page's code, the calls page's code and the calls queries then load in
 * parallel, so the token request is the only request before data, and once signed in the employee and the
 * first calls page are fetched in parallel with the navigation.
 */
import { lazy } from 'react';
import { employeeQueries } from '../../features/auth/api/get-employee.ts';
import { queryClient } from '../app-query-client.ts';
import { preloadCallsPage } from './lazy-pages.ts';

// Loaded on demand: a person reaches the callback only after Firmafon, so the sign-in page does not carry it.
const importCallbackPage = () => import('../../features/auth/components/callback-page.tsx');
const CallbackPage = lazy(() => importCallbackPage().then((module) => ({ default: module.CallbackPage })));
// The calls queries arrive with the calls page's code, not with the sign-in page.
const importCallQueries = () => import('../../features/calls/api/call-queries.ts');

/** Starts loading everything the callback and the page after it need; called by the entry on /auth/callback. */
export function preloadCallbackCode(): void {
  const ignore = () => {
    // A failed preload is retried when the code is needed.
  };
  importCallbackPage().catch(ignore);
  importCallQueries().catch(ignore);
  preloadCallsPage();
}

/** Loads the calls queries while the token is redeemed; the result requests the employee and the first calls page. */
async function prepareRequestsAfterSignIn(returnTo: string): Promise<() => void> {
  const { callQueries, filtersFromSearchParams } = await importCallQueries();
  const filters = filtersFromSearchParams(new URL(returnTo, window.location.origin).searchParams);
  return () => {
    void queryClient.prefetchQuery(employeeQueries.me());
    void queryClient.prefetchInfiniteQuery(callQueries.list(filters));
  };
}

export function CallbackRoute() {
  return <CallbackPage onStart={preloadCallbackCode} prepareRequests={prepareRequestsAfterSignIn} />;
}
