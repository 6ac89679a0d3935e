/** `/`: the calls when signed in; otherwise session resume or the sign-in page (returning to /calls). */
import { Navigate } from 'react-router-dom';
import { SignInGate } from '../../features/auth/components/sign-in-gate.tsx';
import { useIsSignedIn } from '../../features/auth/use-access-token.ts';

export function HomeRoute() {
  const signedIn = useIsSignedIn();
  if (signedIn) return <Navigate to="/calls" replace />;
  return <SignInGate returnTo="/calls" />;
}
