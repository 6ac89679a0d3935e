/**
 * Receptions and employees, the endpoints calls can be filtered by (`Reception#1`, `Employee#22`), and the
 * names the call route refers to. Rarely change, so they are kept for a while.
 */
import { queryOptions } from '@tanstack/react-query';
import { EmployeesResponseSchema, ReceptionsResponseSchema } from '../../../../../common/firmafon-schemas.ts';
import { firmafonGet } from '../../../lib/api-client.ts';

const FIVE_MINUTES = 5 * 60_000;

export const directoryQueries = {
  receptions: () =>
    queryOptions({
      queryKey: ['receptions', 'list'] as const,
      queryFn: async ({ signal }) => (await firmafonGet('/receptions', { schema: ReceptionsResponseSchema, signal })).receptions,
      staleTime: FIVE_MINUTES,
    }),
  employees: () =>
    queryOptions({
      queryKey: ['employees', 'list'] as const,
      queryFn: async ({ signal }) => (await firmafonGet('/employees', { schema: EmployeesResponseSchema, signal })).employees,
      staleTime: FIVE_MINUTES,
    }),
};

/** `Reception#1` → the reception's name, `Employee#22` → the employee's name; from whatever lists loaded. */
export function endpointNames(
  receptions: readonly { id: number | string; name: string; endpoint: string | null }[] | undefined,
  employees: readonly { id: number | string; name: string; endpoint: string | null }[] | undefined,
): Map<string, string> {
  const names = new Map<string, string>();
  for (const r of receptions ?? []) names.set(r.endpoint ?? `Reception#${r.id}`, r.name);
  for (const e of employees ?? []) names.set(e.endpoint ?? `Employee#${e.id}`, e.name);
  return names;
}
