/**
 * The frame of every page: header (product name; the language switch; when signed in also the employee's name,
 * "Sign out" and the navigation bar, from signed-in-header.tsx) and the main region with the current route.
 * A full-screen page (pages.ts, the wallboard) has the main region alone once signed in; signed out it keeps the
 * header, so the sign-in page it shows looks as everywhere else.
 */
import { lazy, Suspense } from 'react';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { CALLBACK_PATH } from '@common/routes.ts';
import { Spinner } from '@/shared/ui/spinner.tsx';
import { useIsSignedIn } from '@/lib/use-access-token.ts';
import { useMessages } from '@/lib/i18n.tsx';
import { AppErrorBoundary } from '../error-boundary.tsx';
import { appMessages } from '../messages.ts';
import { pageFor } from '../pages.ts';
import { LanguageSwitch } from './language-switch.tsx';
import { loadSignedInHeader } from './load-signed-in-header.ts';

const SignedInHeader = lazy(loadSignedInHeader);

export function RootLayout() {
  const t = useMessages(appMessages);
  const signedIn = useIsSignedIn();
  // A new page gets a fresh error boundary, so an error on one page does not stick to the next.
  const { pathname } = useLocation();
  const fullScreen = signedIn && pageFor(pathname)?.fullScreen === true;
  return (
    <>
      {fullScreen ? null : (
        <>
          <a className="skip-link" href="#main">
            {t.skipToContent}
          </a>
          <header className="app-header">
            <Link className="app-header__brand" to="/">
              {t.productName}
            </Link>
            {signedIn ? (
              <Suspense fallback={<SignedOutTools navRow />}>
                <SignedInHeader />
              </Suspense>
            ) : (
              // Back from Firmafon the person is about to be signed in: the places of the signed-in tools and the
              // navigation row are kept, so the page does not jump down when they appear.
              <SignedOutTools navRow={pathname === CALLBACK_PATH} />
            )}
          </header>
        </>
      )}
      <main id="main" className={fullScreen ? 'app-main app-main--full-screen' : 'app-main'} tabIndex={-1}>
        <AppErrorBoundary key={pathname}>
          <Suspense fallback={<Spinner label={t.loadingPage} />}>
            <Outlet />
          </Suspense>
        </AppErrorBoundary>
      </main>
    </>
  );
}

/**
 * The language switch alone; with `navRow` (a sign-in is about to finish), in the place it has in the signed-in header
 * (signed-in-header.tsx), with the rows of the other signed-in tools and of the navigation bar kept free.
 */
function SignedOutTools({ navRow = false }: { navRow?: boolean }) {
  return (
    <>
      <div className="app-header__tools">
        {navRow ? <div className="app-header__tool-row" aria-hidden="true" /> : null}
        <div className="app-header__tool-row">
          <LanguageSwitch />
        </div>
      </div>
      {navRow ? (
        <div className="app-nav" aria-hidden="true">
          <span className="app-nav__link app-nav__link--placeholder">&nbsp;</span>
        </div>
      ) : null}
    </>
  );
}
