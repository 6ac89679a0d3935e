/**
 * Firmafon REST API v2 response shapes (see firmafon-api.md): the shared field shapes, employees (the signed-in one
 * is loaded on every page) and receptions; calls and voicemails have modules of their own (call-schemas.ts,
 * voice-mail-schemas.ts), so the pages that do not show them do not carry them. Data crosses a network and comes
 * from other people's input, so it is parsed, never cast. Schemas are lenient where the real service may differ from
 * the docs (missing or null fields, unknown enum values, extra fields — which are dropped).
 */
import * as v from 'valibot';

export const Timestamp = v.pipe(v.string(), v.isoTimestamp());
export const OptionalTimestamp = v.nullish(Timestamp, null);
export const OptionalString = v.nullish(v.string(), null);
export const OptionalId = v.nullish(v.union([v.number(), v.string()]), null);

export const EmployeeSchema = v.object({
  id: v.union([v.number(), v.string()]),
  name: v.string(),
  number: OptionalString,
  endpoint: OptionalString,
  company_id: OptionalId,
  live_presence: OptionalString,
  do_not_disturb: v.nullish(v.boolean(), null),
  /** Whether Firmafon can ring this employee for click-to-call (`POST switch/dial`); null when Firmafon does not say. */
  has_switch: v.nullish(v.boolean(), null),
});
export type Employee = v.InferOutput<typeof EmployeeSchema>;

export const EmployeeResponseSchema = v.object({ employee: EmployeeSchema });

export const ReceptionSchema = v.object({
  id: v.union([v.number(), v.string()]),
  name: v.string(),
  endpoint: OptionalString,
  phone_number: v.nullish(v.object({ number: OptionalString }), null),
});
export type Reception = v.InferOutput<typeof ReceptionSchema>;
export const ReceptionsResponseSchema = v.object({ receptions: v.array(ReceptionSchema) });
export const EmployeesResponseSchema = v.object({ employees: v.array(EmployeeSchema) });
