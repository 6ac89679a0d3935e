/**
 * App-wide providers: locale, React Query, and the session watcher — the one place that clears all cached
 * Firmafon data the moment the token is dropped, whether by "Sign out" or because Firmafon refused it (401).
 */
import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import { accessToken } from '@/lib/access-token.ts';
import { LocaleProvider } from '@/lib/i18n.tsx';
import { queryClient } from './query-client.ts';
import { AppErrorBoundary } from './error-boundary.tsx';

function useClearCacheWhenSessionEnds(): void {
  useEffect(
    () =>
      accessToken.subscribe(() => {
        if (accessToken.get() === null) {
          // After the current render pass: the guard unmounts the data views first.
          queueMicrotask(() => {
            void queryClient.cancelQueries();
            queryClient.clear();
          });
        }
      }),
    [],
  );
}

export function AppProviders({ children }: { children: ReactNode }) {
  useClearCacheWhenSessionEnds();
  return (
    <LocaleProvider>
      <AppErrorBoundary>
        <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
      </AppErrorBoundary>
    </LocaleProvider>
  );
}
