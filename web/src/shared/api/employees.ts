/**
 * Employees: the signed-in one (`GET /employee`, for the header and every feature that acts as them) and the
 * company's (`GET /employees`, for filters, names and the team). One key factory; both rarely change, so they
 * are kept for a while.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { EmployeeResponseSchema, EmployeesResponseSchema } from '@common/firmafon-schemas.ts';
import { firmafonGet } from '@/lib/api-client.ts';

const FIVE_MINUTES = 5 * 60_000;

export const employeeQueries = {
  all: ['employees'] as const,
  /** The signed-in employee. */
  me: () =>
    queryOptions({
      queryKey: [...employeeQueries.all, 'me'] as const,
      queryFn: async ({ signal }) => (await firmafonGet('/employee', { schema: EmployeeResponseSchema, signal })).employee,
      staleTime: FIVE_MINUTES,
    }),
  /** Everyone in the signed-in employee's company. */
  list: () =>
    queryOptions({
      queryKey: [...employeeQueries.all, 'list'] as const,
      queryFn: async ({ signal }) => (await firmafonGet('/employees', { schema: EmployeesResponseSchema, signal })).employees,
      staleTime: FIVE_MINUTES,
    }),
};

/** The signed-in employee (fetched once, shared by every page). */
export function useSignedInEmployee() {
  return useQuery(employeeQueries.me());
}
