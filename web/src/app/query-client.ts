/**
 * The app's one QueryClient (tests make their own with lib/query-client.ts). It loads with the signed-in pages,
 * not the sign-in page (query-provider.tsx). The moment the token is dropped — "Sign out", or Firmafon refused it
 * (401) — every cached Firmafon answer is cleared, after the current render pass, so the guard unmounts the data
 * views first.
 */
import { accessToken } from '@/lib/access-token.ts';
import { createQueryClient } from '@/lib/query-client.ts';

export const queryClient = createQueryClient();

accessToken.subscribe(() => {
  if (accessToken.get() !== null) return;
  queueMicrotask(() => {
    void queryClient.cancelQueries();
    queryClient.clear();
  });
});
