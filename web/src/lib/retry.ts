/**
 * When a failed read is tried again: transient failures (network, 429, 5xx) up to MAX_RETRIES times with
 * exponential backoff, honouring `Retry-After`; other 4xx — 401/403 above all — never, so an expired token cannot
 * cause a retry storm. React Query's defaults (query-client.ts) and the public config's fetch (which runs before
 * React Query has loaded) share these rules.
 */
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

/** Runs `attempt` until it succeeds or the rules above say stop (React Query's counting: the first failure is 0). */
export async function withRetries<T>(attempt: () => Promise<T>, wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))): Promise<T> {
  for (let failures = 0; ; failures += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (!shouldRetry(failures, error)) throw error;
      await wait(retryDelay(failures, error));
    }
  }
}
