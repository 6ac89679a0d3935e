/** `/`: the home page when signed in; otherwise session resume or the sign-in page (returning to the home page). */
import { Navigate } from 'react-router-dom';
import { SignInGate } from '@/features/auth/components/sign-in-gate.tsx';
import { useIsSignedIn } from '@/lib/use-access-token.ts';
import { HOME_PAGE_PATH } from '@common/routes.ts';

export function HomeRoute() {
  const signedIn = useIsSignedIn();
  if (signedIn) return <Navigate to={HOME_PAGE_PATH} replace />;
  return <SignInGate returnTo={HOME_PAGE_PATH} />;
}
