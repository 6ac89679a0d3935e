/** Receptions (`GET /receptions`): the company's numbers calls come in on. Rarely change, so kept for a while. */
import { queryOptions } from '@tanstack/react-query';
import { ReceptionsResponseSchema } from '@common/firmafon-schemas.ts';
import { firmafonGet } from '@/lib/api-client.ts';

export const receptionQueries = {
  all: ['receptions'] as const,
  list: () =>
    queryOptions({
      queryKey: [...receptionQueries.all, 'list'] as const,
      queryFn: async ({ signal }) => (await firmafonGet('/receptions', { schema: ReceptionsResponseSchema, signal })).receptions,
      staleTime: 5 * 60_000,
    }),
};
