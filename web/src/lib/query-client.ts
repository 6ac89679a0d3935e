/**
 * React Query defaults for the dashboard. Transient failures (network, 429, 5xx) are retried with
 * exponential backoff, honouring `Retry-After`; other 4xx — 401/403 above all — are never retried,
 * so an expired token cannot cause a retry storm.
 */
import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-error.ts';

export const MAX_RETRIES = 3;

export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  return error.isTransient && failureCount < MAX_RETRIES;
}

export function retryDelay(failureCount: number, error: unknown): number {
  if (error instanceof ApiError && error.retryAfterSeconds !== null) {
    return Math.min(error.retryAfterSeconds * 1000, 60_000);
  }
  return Math.min(1000 * 2 ** failureCount, 15_000);
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: shouldRetry,
        retryDelay,
        staleTime: 15_000,
        refetchOnWindowFocus: true,
      },
      mutations: { retry: false },
    },
  });
}
