/**
 * The public config as the app reads it (sign-in page, "Sign in", session resume, and the push URL of the signed-in
 * pages, shared/api/use-push.ts): fetched once per page load and shared — the sign-in page reads it before React
 * Query has loaded — with transient failures retried by the same rules as React Query's (lib/retry.ts).
 */
import type { PublicConfig } from '@common/public-config.ts';
import { withRetries } from '@/lib/retry.ts';
import { getPublicConfig } from './get-public-config.ts';

let shared: Promise<PublicConfig> | null = null;

/** The config for this page load: one request (transient failures retried) shared by every caller; a failure is forgotten, so asking again retries. */
export function loadPublicConfig(): Promise<PublicConfig> {
  shared ??= withRetries(() => getPublicConfig()).catch((error: unknown) => {
    shared = null;
    throw error;
  });
  return shared;
}
