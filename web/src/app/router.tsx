/**
 * Routes: `/` (sign-in or → /calls), `/auth/callback`, `/calls` and `/calls/:uuid` (signed in, lazy), and a
 * not-found page. Every page renders inside RootLayout; router errors show the friendly error page there.
 */
import { createBrowserRouter } from 'react-router-dom';
import { CALLBACK_PATH } from '../../../common/routes.ts';
import { UnexpectedErrorPage } from './error-boundary.tsx';
import { RootLayout } from './layout/root-layout.tsx';
import { CallbackRoute } from './routes/callback-route.tsx';
import { HomeRoute } from './routes/home-route.tsx';
import { NotFoundRoute } from './routes/not-found-route.tsx';
import { CallDetailsRoute, CallsRoute } from './routes/protected-routes.tsx';

export const router = createBrowserRouter([
  {
    element: <RootLayout />,
    children: [
      {
        errorElement: <UnexpectedErrorPage />,
        children: [
          { index: true, element: <HomeRoute /> },
          { path: CALLBACK_PATH, element: <CallbackRoute /> },
          { path: '/calls', element: <CallsRoute /> },
          { path: '/calls/:uuid', element: <CallDetailsRoute /> },
          { path: '*', element: <NotFoundRoute /> },
        ],
      },
    ],
  },
]);
