/**
 * Firmafon endpoints (`Reception#1`, `Employee#22`): what calls are filtered by and what a call's route names.
 * Pure.
 */

interface Named {
  id: number | string;
  name: string;
  endpoint: string | null;
}

/** A reception's or employee's endpoint, as Firmafon writes it when the resource does not say. */
export const endpointOf = (kind: 'Reception' | 'Employee', item: Named): string => item.endpoint ?? `${kind}#${item.id}`;

/** `Reception#1` → the reception's name, `Employee#22` → the employee's name; from whatever lists loaded. */
export function endpointNames(receptions: readonly Named[] | undefined, employees: readonly Named[] | undefined): Map<string, string> {
  const names = new Map<string, string>();
  for (const r of receptions ?? []) names.set(endpointOf('Reception', r), r.name);
  for (const e of employees ?? []) names.set(endpointOf('Employee', e), e.name);
  return names;
}
