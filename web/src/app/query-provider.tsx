/**
 * React Query for what is under it: the signed-in pages (router.tsx) and the signed-in header. Loaded lazily, so
 * the sign-in page does not carry React Query (it reads the public config without it).
 */
import { QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { queryClient } from './query-client.ts';

export default function QueryProvider({ children }: { children: ReactNode }) {
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
