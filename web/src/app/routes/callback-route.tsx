/**
 * `/auth/callback`. Lives in app/ because finishing a sign-in spans features: while the token request is in
 * flight the calls page's code loads, and once signed in the employee and the first calls page are fetched
 * in parallel with the navigation.
 */
import { CallbackPage } from '../../features/auth/components/callback-page.tsx';
import { employeeQueries } from '../../features/auth/api/get-employee.ts';
import { callQueries, filtersFromSearchParams } from '../../features/calls/api/call-queries.ts';
import { queryClient } from '../app-query-client.ts';
import { preloadCallsPage } from './lazy-pages.ts';

function prefetchAfterSignIn(returnTo: string): void {
  const search = new URL(returnTo, window.location.origin).searchParams;
  void queryClient.prefetchQuery(employeeQueries.me());
  void queryClient.prefetchInfiniteQuery(callQueries.list(filtersFromSearchParams(search)));
}

export function CallbackRoute() {
  return <CallbackPage onStart={preloadCallsPage} onSignedIn={prefetchAfterSignIn} />;
}
