/**
 * `/auth/callback`, loaded on demand (a person reaches it only after Firmafon, so the sign-in page does not carry
 * it). Lives in app/ because finishing a sign-in spans features. The entry has already taken the code out of the
 * URL (main.tsx) and started loading this module and the home page (preload-callback.ts). While the token request
 * is in flight, the page to return to loads; the moment the token is stored, the employee (for the header) and
 * what that page declares it needs (pages.ts) are requested together.
 */
import { CallbackPage } from '@/features/auth/pages/callback-page.tsx';
import { employeeQueries } from '@/shared/api/employees.ts';
import { pageFor } from '../pages.ts';
import { queryClient } from '../query-client.ts';
import { preloadCallbackCode } from './preload-callback.ts';

/** Loads the page to return to while the token is redeemed; the result starts its requests and the employee's. */
async function prepareRequestsAfterSignIn(returnTo: string): Promise<() => void> {
  const url = new URL(returnTo, window.location.origin);
  const page = await pageFor(url.pathname)?.load();
  return () => {
    void queryClient.prefetchQuery(employeeQueries.me());
    page?.prefetch?.(queryClient, url);
  };
}

export default function CallbackRoute() {
  return <CallbackPage onStart={preloadCallbackCode} prepareRequests={prepareRequestsAfterSignIn} />;
}
