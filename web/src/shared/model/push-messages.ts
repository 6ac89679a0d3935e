/**
 * What Firmafon's push service sends (firmafon-api.md, "Team, presence and push"), read as the dashboard uses it.
 * Channels carry calls (`/call2/company/:id`, `/call2/employee/:id`: a call as `GET /calls` answers it, wrapped as
 * `{ data: call }` — a bare call is accepted too) and presence (`/presence/company/:id`: one person or group per
 * message). Parsed, never cast: a message that does not parse is reported as such, and the caller drops it.
 */
import * as v from 'valibot';
import { CallSchema, type Call } from '@common/call-schemas.ts';
import { OptionalString, OptionalTimestamp } from '@common/firmafon-schemas.ts';

export type PushChannelKind = 'call' | 'presence';

export interface PushChannel {
  name: string;
  kind: PushChannelKind;
}

/**
 * The channels the signed-in person may and does subscribe to: their company's calls and presence, and their own
 * calls. Only from their own `GET /employee` — never another company's. None without a company.
 */
export function channelsFor(me: { id: number | string; company_id: number | string | null }): PushChannel[] {
  if (me.company_id === null || String(me.company_id) === '') return [];
  const company = encodeURIComponent(String(me.company_id));
  return [
    { name: `/call2/company/${company}`, kind: 'call' },
    { name: `/call2/employee/${encodeURIComponent(String(me.id))}`, kind: 'call' },
    { name: `/presence/company/${company}`, kind: 'presence' },
  ];
}

export const PresenceUpdateSchema = v.object({
  /** `Employee#1234` or `EmployeeGroup#12`. */
  endpoint: v.pipe(v.string(), v.regex(/^(Employee|EmployeeGroup)#[^#\s]+$/)),
  live_presence: OptionalString,
  busy_since: v.optional(OptionalTimestamp, null),
  do_not_disturb: v.nullish(v.boolean(), null),
  dnd_timeout_at: v.optional(OptionalTimestamp, null),
});
export type PresenceUpdate = v.InferOutput<typeof PresenceUpdateSchema>;

export type PushEvent = { kind: 'call'; call: Call } | { kind: 'presence'; presence: PresenceUpdate };

/** A message that is not what its channel carries. Its text names the field, never a value (it may be a phone number). */
export class PushMessageError extends Error {
  override name = 'PushMessageError';
}

function read<TSchema extends v.GenericSchema>(schema: TSchema, value: unknown): v.InferOutput<TSchema> {
  const parsed = v.safeParse(schema, value);
  if (parsed.success) return parsed.output;
  const path = parsed.issues[0].path?.map((item) => String(item.key)).join('.');
  throw new PushMessageError(path ? `${path} is not as expected` : 'the message is not as expected');
}

/** The call in a call channel's message: `message.data` when it is wrapped, else the message itself. */
const unwrap = (message: unknown): unknown =>
  typeof message === 'object' && message !== null && 'data' in message && !('call_uuid' in message) ? (message as { data: unknown }).data : message;

/** The event in a message of a channel of `kind`; throws a PushMessageError naming the field that is wrong. */
export function readPushMessage(kind: PushChannelKind, message: unknown): PushEvent {
  return kind === 'call' ? { kind, call: read(CallSchema, unwrap(message)) } : { kind, presence: read(PresenceUpdateSchema, message) };
}

/** The employee id of an `Employee#…` endpoint, else null (a group). */
export const employeeIdOf = (endpoint: string): string | null => /^Employee#(.+)$/.exec(endpoint)?.[1] ?? null;

/** The call kept as calls in progress hold it: its open nodes, or none once it has ended. */
export function openNodesOf(call: Call): Call['nodes'] {
  return call.ended_at !== null ? [] : call.nodes.filter((node) => node.ended_at === null).map((node) => ({ ...node, call_uuid: node.call_uuid ?? call.call_uuid }));
}
