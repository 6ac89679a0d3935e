/**
 * The call that rings me, as `GET /calls/:uuid` answers it (Firmafon shows a call from its start): who is calling
 * and at which reception. Asked for once per call; forgotten a minute after the notice goes.
 */
import { queryOptions } from '@tanstack/react-query';
import { CallResponseSchema } from '@common/call-schemas.ts';
import { firmafonGet } from '@/lib/api-client.ts';
import { shouldRetry } from '@/lib/retry.ts';

export const incomingCallQueries = {
  all: ['incoming-call'] as const,
  call: (uuid: string) =>
    queryOptions({
      queryKey: [...incomingCallQueries.all, uuid] as const,
      queryFn: async ({ signal }) => (await firmafonGet(`/calls/${encodeURIComponent(uuid)}`, { schema: CallResponseSchema, signal })).call,
      // The caller and the reception do not change while it rings.
      staleTime: Number.POSITIVE_INFINITY,
      gcTime: 60_000,
      // One retry of what the house rules retry (lib/retry.ts): a notice that waits out every retry comes too late.
      retry: (failureCount, error) => failureCount < 1 && shouldRetry(failureCount, error),
    }),
};
