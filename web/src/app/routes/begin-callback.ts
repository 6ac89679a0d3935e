/**
 * Finishing a sign-in, started by the first script (boot.ts) on /auth/callback before the app has loaded: verify the
 * response and redeem the code while the app loads. Meanwhile the token store, the page to return to, the app's
 * query client and the employee query load; the moment the token arrives it is stored and the employee and what that
 * page declares it needs (pages.ts) are requested, in the same task. The callback page, once the app renders it,
 * shows this same run. Everything of the app is imported lazily here, so the redemption never waits for the app's
 * code (scripts/check-size.ts checks that the chunks keep it so).
 */
import { HOME_PAGE_PATH } from '@common/routes.ts';
import { getCallbackRun, type CallbackHooks } from '@/features/auth/model/complete-sign-in.ts';

/** Loads what receiving the token needs; the answer stores it and starts the page's requests and the employee's. */
export async function prepareForToken(returnTo: string): Promise<(token: string) => void> {
  const url = new URL(returnTo, window.location.origin);
  const loadPage = async () => {
    const { pageFor } = await import('../pages.ts');
    // `/` shows the home page once signed in. A page whose code fails to load fetches its own data when it renders.
    return pageFor(url.pathname === '/' ? HOME_PAGE_PATH : url.pathname)
      ?.load()
      .catch(() => undefined);
  };
  const [{ accessToken }, { queryClient }, { employeeQueries }, page] = await Promise.all([
    import('@/lib/access-token.ts'),
    import('../query-client.ts'),
    import('@/shared/api/employees.ts'),
    loadPage(),
  ]);
  return (token) => {
    accessToken.set(token);
    void queryClient.prefetchQuery(employeeQueries.me());
    page?.prefetch?.(queryClient, url);
  };
}

/** Starts loading the callback page, the signed-in header and the home page as soon as a response arrives. */
function preloadCallbackCode(): void {
  import('./preload-callback.ts')
    .then(({ preloadCallbackCode: preload }) => preload())
    .catch(() => {
      // Loaded again when needed.
    });
}

export const callbackHooks: CallbackHooks = { onStart: preloadCallbackCode, prepareForToken };

/** Starts the callback's run (once: the callback page gets the same one). */
export function beginCallback(): void {
  void getCallbackRun(callbackHooks);
}
