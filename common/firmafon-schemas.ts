/**
 * Firmafon REST API v2 response shapes (see firmafon-api.md). Data crosses a network and comes from other
 * people's input, so it is parsed, never cast. Schemas are lenient where the real service may differ from
 * the docs (missing or null fields, unknown enum values, extra fields — which are dropped), strict where
 * the dashboard cannot work without a value (a call's identity and start time).
 */
import * as v from 'valibot';

const Timestamp = v.pipe(v.string(), v.isoTimestamp());
const OptionalTimestamp = v.nullish(Timestamp, null);
const OptionalString = v.nullish(v.string(), null);
const OptionalId = v.nullish(v.union([v.number(), v.string()]), null);

export const ContactSchema = v.object({
  id: OptionalId,
  number: OptionalString,
  name: OptionalString,
  email: OptionalString,
});
export type Contact = v.InferOutput<typeof ContactSchema>;

export const AnsweredBySchema = v.object({
  id: OptionalId,
  name: OptionalString,
  number: OptionalString,
});

export const CallNodeSchema = v.object({
  node_uuid: OptionalString,
  call_uuid: OptionalString,
  endpoint: OptionalString,
  /** Not in the documented node shape; present in some data. */
  endpoint_name: v.optional(OptionalString, null),
  started_at: OptionalTimestamp,
  answered_at: OptionalTimestamp,
  ended_at: OptionalTimestamp,
  state: OptionalString,
  node_type: OptionalString,
});
export type CallNode = v.InferOutput<typeof CallNodeSchema>;

/** Directions and statuses the dashboard knows by name; anything else is shown as it comes. */
export const KNOWN_DIRECTIONS = ['incoming', 'outgoing'] as const;
export const KNOWN_STATUSES = ['new', 'ringing', 'answered', 'missed', 'voicemail', 'orphaned'] as const;

export const CallSchema = v.object({
  call_uuid: v.pipe(v.string(), v.minLength(1)),
  company_id: OptionalId,
  endpoint: OptionalString,
  endpoint_name: OptionalString,
  from_number: OptionalString,
  to_number: OptionalString,
  from_contact: v.nullish(ContactSchema, null),
  to_contact: v.nullish(ContactSchema, null),
  direction: OptionalString,
  started_at: Timestamp,
  answered_at: OptionalTimestamp,
  ended_at: OptionalTimestamp,
  answered_by: v.nullish(AnsweredBySchema, null),
  status: OptionalString,
  nodes: v.nullish(v.array(CallNodeSchema), []),
  /** Seen in live data, not documented. */
  talk_duration: v.nullish(v.number(), null),
  from_number_hidden: v.nullish(v.boolean(), null),
});
export type Call = v.InferOutput<typeof CallSchema>;

export const CallsResponseSchema = v.object({ calls: v.array(CallSchema) });
export const CallResponseSchema = v.object({ call: CallSchema });

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

/** `GET /calls` query parameters (firmafon-api.md). */
export const CALLS_MAX_LIMIT = 100;
export const CALLS_DEFAULT_LIMIT = 30;
export interface CallsQuery {
  limit?: number;
  endpoint?: string;
  number?: string;
  direction?: string;
  status?: string;
  started_at_lt_or_eq?: string;
  started_at_gt_or_eq?: string;
  ended_at_lt_or_eq?: string;
  ended_at_gt_or_eq?: string;
}

/**
 * A voicemail (`GET /voice_mails`, firmafon-api.md "Voicemail…"). Its id and time are required (paging and the
 * writes depend on them); everything else may be missing. `sound.url` is Firmafon's absolute URL of the recording,
 * fetched only through our own `/api/voicemail-sound` (docs/decisions/0012).
 */
export const VoiceMailSchema = v.object({
  id: v.pipe(v.number(), v.integer(), v.minValue(1)),
  created_at: Timestamp,
  heard: v.nullish(v.boolean(), false),
  duration: v.nullish(v.number(), null),
  from_number: OptionalString,
  from_contact: v.nullish(ContactSchema, null),
  endpoint: OptionalString,
  endpoint_name: OptionalString,
  sound: v.nullish(v.object({ formats: v.nullish(v.array(v.string()), []), url: OptionalString }), null),
});
export type VoiceMail = v.InferOutput<typeof VoiceMailSchema>;

export const VoiceMailsResponseSchema = v.object({ voice_mails: v.array(VoiceMailSchema) });
export const VoiceMailResponseSchema = v.object({ voice_mail: VoiceMailSchema });

/** `GET /voice_mails` query parameters: `limit` (30 by default, at most 100), `endpoint`, `number`, the paging cursor. */
export const VOICE_MAILS_MAX_LIMIT = 100;
export const VOICE_MAILS_DEFAULT_LIMIT = 30;
export interface VoiceMailsQuery {
  limit?: number;
  endpoint?: string;
  number?: string;
  created_at_lt_or_eq?: string;
}
