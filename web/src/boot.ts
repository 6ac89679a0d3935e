/**
 * The first script, and the only one index.html loads. It decides what a page load needs before the app is
 * downloaded:
 * - back from Firmafon (`/auth/callback?…`): take the code out of the address bar, start redeeming it, and load the
 *   app alongside (the callback page picks up the run);
 * - a reload of any other page with the "was signed in" hint and no token — the token lives in memory only — leave
 *   for Firmafon at once, with fresh state and PKCE made by the same code as a click on "Sign in";
 * - anything else, or if leaving fails: load the app, which decides again and explains.
 * It stays a few KB (budgeted in scripts/check-size.ts), so a resume bounce costs the browser no app boot.
 */
// React Refresh's preamble as a module rather than an inline script, so dev runs under the strict CSP
// (docs/decisions/0005-strict-csp-in-development.md); first, before any component can load. Empty in production
// builds.
import '@vitejs/plugin-react/preamble';
import { AUTH_PATH_PREFIX, HOME_PAGE_PATH } from '@common/routes.ts';
import { getPublicConfig } from '@/shared/api/get-public-config.ts';
import { captureCallbackUrl } from '@/features/auth/model/callback-url.ts';
import { shouldAutoResume } from '@/features/auth/model/session-hint.ts';
import { startSignIn } from '@/features/auth/model/start-sign-in.ts';

const loadApp = () => import('./main.tsx');

function boot(): Promise<unknown> {
  if (captureCallbackUrl()) {
    void import('@/app/routes/begin-callback.ts').then(({ beginCallback }) => beginCallback());
    return loadApp();
  }
  const { pathname } = window.location;
  // Every page but the callback and the relay needs sign-in (an unknown address too: it then shows "not found" signed
  // in). The page registry is not consulted, so the first script stays the same size however many pages there are.
  if (!pathname.startsWith(AUTH_PATH_PREFIX) && shouldAutoResume(window.localStorage, window.sessionStorage, Date.now())) {
    // Any failure (no config yet, offline): the app loads and decides again, retrying and then saying what is wrong.
    const returnTo = pathname === '/' ? HOME_PAGE_PATH : `${pathname}${window.location.search}`;
    return getPublicConfig()
      .then((config) => startSignIn({ config, returnTo, auto: true }))
      .catch(loadApp);
  }
  return loadApp();
}

void boot();
