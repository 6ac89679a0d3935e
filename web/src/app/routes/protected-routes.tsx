/** The signed-in pages: the calls feature behind the sign-in guard. */
import { RequireSignIn } from '../../features/auth/components/require-sign-in.tsx';
import { CallDetailsPage, CallsPage } from './lazy-pages.ts';

export function CallsRoute() {
  return (
    <RequireSignIn>
      <CallsPage />
    </RequireSignIn>
  );
}

export function CallDetailsRoute() {
  return (
    <RequireSignIn>
      <CallDetailsPage />
    </RequireSignIn>
  );
}
