/**
 * Routes: `/` (sign-in, or the home page when signed in), `/auth/callback`, every page in pages.ts (lazy; behind
 * the sign-in guard and with React Query where it needs sign-in) and a not-found page, all inside RootLayout.
 * Declarative routing (`<Routes>`) rather than a data router: the app loads data with React Query, and the
 * data router's machinery would cost the sign-in page ~16 KB gzipped for nothing (see docs/benchmarks.md).
 */
import { lazy } from 'react';
import { Route, Routes } from 'react-router-dom';
import { CALLBACK_PATH } from '@common/routes.ts';
import { RequireSignIn } from '@/features/auth/components/require-sign-in.tsx';
import { RootLayout } from './layout/root-layout.tsx';
import { PAGES } from './pages.ts';
import { HomeRoute } from './routes/home-route.tsx';
import { NotFoundRoute } from './routes/not-found-route.tsx';
import { loadCallbackRoute } from './routes/preload-callback.ts';

const CallbackRoute = lazy(loadCallbackRoute);
const QueryProvider = lazy(() => import('./query-provider.tsx'));
// One lazy component per page, made once: React would load a new one on every render otherwise.
const ROUTES = PAGES.map((page) => ({ page, Component: lazy(page.load) }));

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<RootLayout />}>
        <Route index element={<HomeRoute />} />
        <Route path={CALLBACK_PATH} element={<CallbackRoute />} />
        {ROUTES.map(({ page, Component }) => (
          <Route
            key={page.path}
            path={page.path}
            element={
              page.requiresSignIn ? (
                <RequireSignIn>
                  <QueryProvider>
                    <Component />
                  </QueryProvider>
                </RequireSignIn>
              ) : (
                <Component />
              )
            }
          />
        ))}
        <Route path="*" element={<NotFoundRoute />} />
      </Route>
    </Routes>
  );
}
