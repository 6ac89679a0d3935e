/**
 * Firmafon's calls as the REST API v2 answers them (`GET /calls`, `/calls/:uuid`; firmafon-api.md), parsed, never
 * cast: lenient where the real service may differ from the docs, strict where the dashboard cannot work without a
 * value (a call's identity and start time). A module of its own beside firmafon-schemas.ts (the signed-in employee,
 * which every page loads), so only the pages that show calls carry these schemas.
 */
import * as v from 'valibot';
import { OptionalId, OptionalString, OptionalTimestamp, Timestamp } from './firmafon-schemas.ts';

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
  /** A boolean from `GET /calls`; pushed calls carry it as the string `"true"`/`"false"` (firmafon-api.md). */
  from_number_hidden: v.nullish(v.union([v.boolean(), v.pipe(v.picklist(['true', 'false']), v.transform((flag) => flag === 'true'))]), null),
});
export type Call = v.InferOutput<typeof CallSchema>;

export const CallsResponseSchema = v.object({ calls: v.array(CallSchema) });
export const CallResponseSchema = v.object({ call: CallSchema });

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
