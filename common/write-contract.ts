/**
 * The bodies the SPA sends for the dashboard's writes to Firmafon, through `/api/firmafon/*`
 * (functions/_lib/proxy-writes.ts). One schema per write, shared so the SPA builds exactly what the function accepts.
 * Objects are strict: an unknown key is refused rather than silently dropped.
 */
import * as v from 'valibot';

/** `POST switch/dial`: the number Firmafon connects after ringing the signed-in employee (digits only, 3–15). */
export const DialRequestSchema = v.strictObject({
  to_number: v.pipe(v.string(), v.regex(/^\d{3,15}$/)),
});
export type DialRequest = v.InferOutput<typeof DialRequestSchema>;

/** `PUT voice_mails/:id`: marks a voicemail heard or unheard. */
export const VoiceMailUpdateSchema = v.strictObject({
  heard: v.boolean(),
});
export type VoiceMailUpdate = v.InferOutput<typeof VoiceMailUpdateSchema>;

/**
 * `PUT employees/:id`: do-not-disturb on or off. `dnd_timeout_at` is an ISO time when it should end, `null` to
 * clear it, or absent to leave it as it is.
 */
export const EmployeeUpdateSchema = v.strictObject({
  do_not_disturb: v.boolean(),
  dnd_timeout_at: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(40), v.isoTimestamp()))),
});
export type EmployeeUpdate = v.InferOutput<typeof EmployeeUpdateSchema>;

/** The largest write body the proxy reads, in bytes. */
export const MAX_WRITE_BODY_BYTES = 1024;
