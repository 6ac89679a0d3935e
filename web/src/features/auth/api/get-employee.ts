/** `GET /employee`: the signed-in employee, for the header. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { EmployeeResponseSchema } from '../../../../../common/firmafon-schemas.ts';
import { firmafonGet } from '../../../lib/api-client.ts';

export const employeeQueries = {
  all: () => ['employee'] as const,
  me: () =>
    queryOptions({
      queryKey: [...employeeQueries.all(), 'me'] as const,
      queryFn: async ({ signal }) => (await firmafonGet('/employee', { schema: EmployeeResponseSchema, signal })).employee,
      staleTime: 5 * 60_000,
    }),
};

export function useEmployee(options: { enabled?: boolean } = {}) {
  return useQuery({ ...employeeQueries.me(), enabled: options.enabled ?? true });
}
