/**
 * Paging Firmafon's voicemails. `GET /voice_mails` has no page token: the next page is asked for with the
 * `created_at` of the oldest message loaded so far as `created_at_lt_or_eq`. The bound is inclusive, so each page
 * repeats the messages of that second; pages are merged by `id` (the same approach as the calls' paging).
 *
 * When a full page holds nothing but the cursor's own second, the cursor cannot move. The same second is then asked
 * for again with the largest limit (100); only if even that page is all one second is the cursor stepped one second
 * back (the API cannot point inside a second — a limitation, not a gap we choose).
 */
import { VOICE_MAILS_DEFAULT_LIMIT, VOICE_MAILS_MAX_LIMIT, type VoiceMail } from '@common/voice-mail-schemas.ts';

export const VOICE_MAILS_PAGE_SIZE = VOICE_MAILS_DEFAULT_LIMIT;

/** Where the next page starts and how many it may hold; `null` for the first page. */
export type VoiceMailsCursor = { before: string; limit: number } | null;

function createdMs(voiceMail: Pick<VoiceMail, 'created_at'>): number {
  const ms = Date.parse(voiceMail.created_at);
  return Number.isNaN(ms) ? Number.NEGATIVE_INFINITY : ms;
}

const second = (ms: number) => Math.floor(ms / 1000);

/** `2026-11-29T13:03:12Z`: whole seconds, as Firmafon writes them. */
function isoSeconds(ms: number): string {
  return new Date(second(ms) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Every message of every page, once, newest first (then by id, highest first). The first copy of an id wins. */
export function mergeVoiceMailPages(pages: readonly (readonly VoiceMail[])[]): VoiceMail[] {
  const seen = new Set<number>();
  const merged: VoiceMail[] = [];
  for (const page of pages) {
    for (const voiceMail of page) {
      if (seen.has(voiceMail.id)) continue;
      seen.add(voiceMail.id);
      merged.push(voiceMail);
    }
  }
  return merged.sort((a, b) => createdMs(b) - createdMs(a) || b.id - a.id);
}

/**
 * The cursor for the page after `pages` (fetched in order; the last one asked with `lastCursor`), or `null` at the
 * end of the history.
 *
 * - A page shorter than the limit it was asked with is the last one.
 * - Otherwise the next page starts at the oldest `created_at` seen (inclusive).
 * - A full page all in the cursor's second: ask that second again with the largest limit, then step back.
 * - A page newer than the cursor, or one that brought nothing new, means the server ignores the bound: stop.
 */
export function nextVoiceMailsCursor(
  pages: readonly (readonly VoiceMail[])[],
  lastCursor: VoiceMailsCursor,
  firstLimit: number = VOICE_MAILS_PAGE_SIZE,
): VoiceMailsCursor {
  const last = pages.at(-1);
  const limit = lastCursor?.limit ?? firstLimit;
  if (!last || last.length < limit) return null;

  let oldestMs = Number.POSITIVE_INFINITY;
  for (const page of pages) for (const voiceMail of page) oldestMs = Math.min(oldestMs, createdMs(voiceMail));
  if (!Number.isFinite(oldestMs)) return null;

  const cursorMs = lastCursor === null ? Number.POSITIVE_INFINITY : Date.parse(lastCursor.before);
  if (last.some((voiceMail) => second(createdMs(voiceMail)) > second(cursorMs))) return null;

  if (second(oldestMs) >= second(cursorMs)) {
    // Stuck inside one second.
    if (lastCursor !== null && lastCursor.limit < VOICE_MAILS_MAX_LIMIT) return { before: lastCursor.before, limit: VOICE_MAILS_MAX_LIMIT };
    return { before: isoSeconds(Math.min(oldestMs, cursorMs) - 1000), limit: firstLimit };
  }

  const known = new Set<number>();
  for (const page of pages.slice(0, -1)) for (const voiceMail of page) known.add(voiceMail.id);
  if (!last.some((voiceMail) => !known.has(voiceMail.id))) return null;

  return { before: isoSeconds(oldestMs), limit: firstLimit };
}
