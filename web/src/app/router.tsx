/**
 * Routes: `/` (sign-in or → /calls), `/auth/callback`, `/calls` and `/calls/:uuid` (signed in, lazy), and a
 * not-found page. Every page renders inside RootLayout, whose error boundary shows the friendly error page.
 * Declarative routing (`<Routes>`) rather than a data router: the app loads data with React Query, and the
 * data router's machinery would cost the sign-in page ~16 KB gzipped for nothing (see docs/benchmarks.md).
 */
import { Route, Routes } from 'react-router-dom';
import { CALLBACK_PATH } from '../../../common/routes.ts';
import { RootLayout } from './layout/root-layout.tsx';
import { CallbackRoute } from './routes/callback-route.tsx';
import { HomeRoute } from './routes/home-route.tsx';
import { NotFoundRoute } from './routes/not-found-route.tsx';
import { CallDetailsRoute, CallsRoute } from './routes/protected-routes.tsx';

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<RootLayout />}>
        <Route index element={<HomeRoute />} />
        <Route path={CALLBACK_PATH} element={<CallbackRoute />} />
        <Route path="/calls" element={<CallsRoute />} />
        <Route path="/calls/:uuid" element={<CallDetailsRoute />} />
        <Route path="*" element={<NotFoundRoute />} />
      </Route>
    </Routes>
  );
}
