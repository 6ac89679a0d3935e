/**
 * Firmafon endpoints (`Reception#1`, `Employee#22`, `EmployeeGroup#2`): what calls are filtered by and what a call's
 * route names. Pure.
 */

/** A reception, employee or group as Firmafon lists it: enough to name it and to know its endpoint. */
export interface Named {
  id: number | string;
  name: string;
  endpoint: string | null;
}

/** What an endpoint names: a reception, an employee or an employee group. */
export type EndpointKind = 'Reception' | 'Employee' | 'EmployeeGroup';

/** A reception's, employee's or group's endpoint, as Firmafon writes it when the resource does not say. */
export const endpointOf = (kind: EndpointKind, item: Named): string => item.endpoint ?? `${kind}#${item.id}`;

/** `Reception#1` → the reception's name, `Employee#22` → the employee's, `EmployeeGroup#2` → the group's; from whatever lists loaded. */
export function endpointNames(
  receptions: readonly Named[] | undefined,
  employees: readonly Named[] | undefined,
  groups: readonly Named[] | undefined = undefined,
): Map<string, string> {
  const names = new Map<string, string>();
  for (const r of receptions ?? []) names.set(endpointOf('Reception', r), r.name);
  for (const e of employees ?? []) names.set(endpointOf('Employee', e), e.name);
  for (const g of groups ?? []) names.set(endpointOf('EmployeeGroup', g), g.name);
  return names;
}
