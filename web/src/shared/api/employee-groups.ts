/**
 * Employee groups (`GET /employee_groups`): who answers together, with their state. The team board shows them and
 * polls them; the statistics can be narrowed to one; a call's route names them.
 */
import { queryOptions } from '@tanstack/react-query';
import { EmployeeGroupsResponseSchema } from '@common/team-schemas.ts';
import { firmafonGet } from '@/lib/api-client.ts';

export const employeeGroupQueries = {
  all: ['employee-groups'] as const,
  list: () =>
    queryOptions({
      queryKey: [...employeeGroupQueries.all, 'list'] as const,
      queryFn: async ({ signal }) => (await firmafonGet('/employee_groups', { schema: EmployeeGroupsResponseSchema, signal })).employee_groups,
      staleTime: 30_000,
    }),
};
