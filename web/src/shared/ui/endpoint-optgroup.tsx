/**
 * One group of endpoint choices in a <select>: the receptions, the employees or the employee groups, each option
 * valued by its endpoint and named by its name. Nothing while the list is empty or not loaded. Presentational only.
 */
import { endpointOf, type EndpointKind, type Named } from '@/shared/model/endpoints.ts';

export interface EndpointOptgroupProps {
  label: string;
  kind: EndpointKind;
  items: readonly Named[] | undefined;
}

export function EndpointOptgroup({ label, kind, items }: EndpointOptgroupProps) {
  return items?.length ? (
    <optgroup label={label}>
      {items.map((item) => (
        <option key={item.id} value={endpointOf(kind, item)}>
          {item.name}
        </option>
      ))}
    </optgroup>
  ) : null;
}
