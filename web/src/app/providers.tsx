/**
 * App-wide providers: locale and the last-resort error boundary. React Query is provided by the signed-in part of
 * the app (query-provider.tsx), so the sign-in page does not load it; query-client.ts clears the cached Firmafon
 * data the moment the token is dropped.
 */
import type { ReactNode } from 'react';
import { LocaleProvider } from '@/lib/i18n.tsx';
import { AppErrorBoundary } from './error-boundary.tsx';

export function AppProviders({ children }: { children: ReactNode }) {
  return (
    <LocaleProvider>
      <AppErrorBoundary>{children}</AppErrorBoundary>
    </LocaleProvider>
  );
}
