/**
 * The frame of every page: header (product name; when signed in also the employee's name, "Sign out" and the
 * navigation bar; always the language switch) and the main region with the current route.
 */
import { Suspense } from 'react';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { Spinner } from '@/shared/ui/spinner.tsx';
import { EmployeeName } from '@/features/auth/components/employee-name.tsx';
import { SignOutButton } from '@/features/auth/components/sign-out-button.tsx';
import { useIsSignedIn } from '@/lib/use-access-token.ts';
import { useMessages } from '@/lib/i18n.tsx';
import { AppErrorBoundary } from '../error-boundary.tsx';
import { appMessages } from '../messages.ts';
import { LanguageSwitch } from './language-switch.tsx';
import { NavBar } from './nav-bar.tsx';

export function RootLayout() {
  const t = useMessages(appMessages);
  const signedIn = useIsSignedIn();
  // A new page gets a fresh error boundary, so an error on one page does not stick to the next.
  const { pathname } = useLocation();
  return (
    <>
      <a className="skip-link" href="#main">
        {t.skipToContent}
      </a>
      <header className="app-header">
        <Link className="app-header__brand" to="/">
          {t.productName}
        </Link>
        <div className="app-header__tools">
          {signedIn ? <EmployeeName /> : null}
          <LanguageSwitch />
          {signedIn ? <SignOutButton /> : null}
        </div>
        {signedIn ? <NavBar /> : null}
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        <AppErrorBoundary key={pathname}>
          <Suspense fallback={<Spinner label={t.loadingPage} />}>
            <Outlet />
          </Suspense>
        </AppErrorBoundary>
      </main>
    </>
  );
}
