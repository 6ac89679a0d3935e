/** Guards a signed-in page: renders it while a token is held, else the sign-in gate for this very URL. */
import type { ReactNode } from 'react';
import { useLocation } from 'react-router-dom';
import { useAccessToken } from '@/lib/use-access-token.ts';
import { SignInGate } from './sign-in-gate.tsx';

export function RequireSignIn({ children }: { children: ReactNode }) {
  const token = useAccessToken();
  const location = useLocation();
  if (token) return <>{children}</>;
  // Keyed by path so a different page without a token decides afresh.
  return <SignInGate key={location.pathname} returnTo={`${location.pathname}${location.search}`} />;
}
