/**
 * Firmafon's voicemails as the API v2 answers them. A module of its own beside firmafon-schemas.ts, so that only the
 * voicemail pages carry these schemas.
 */
import * as v from 'valibot';
import { OptionalString, Timestamp } from './firmafon-schemas.ts';
import { ContactSchema } from './call-schemas.ts';

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
