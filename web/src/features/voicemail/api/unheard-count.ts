/**
 * How many voicemails nobody has heard yet, for the badge beside "Voicemail" in the navigation. Kept apart from
 * voice-mail-queries.ts (which also holds the writes) so that the badge, loaded on every signed-in page, pulls in
 * only reading code.
 */
import { queryOptions } from '@tanstack/react-query';
import { VOICE_MAILS_MAX_LIMIT, VoiceMailsResponseSchema, type VoiceMail, type VoiceMailsQuery } from '@common/voice-mail-schemas.ts';
import { firmafonGet } from '@/lib/api-client.ts';
import { mergeVoiceMailPages, nextVoiceMailsCursor, VOICE_MAILS_PAGE_SIZE, type VoiceMailsCursor } from '../model/paging.ts';
import { countUnheard } from '../model/voice-mail.ts';

/** Upper bound for the unheard count's "page everything" loop (20 × 100 messages), so bad data cannot loop for ever. */
const MAX_COUNT_PAGES = 20;

/** `GET /voice_mails` for one page: newest first, at or before the cursor. */
export async function getVoiceMailsPage(
  query: VoiceMailsQuery,
  cursor: VoiceMailsCursor,
  signal?: AbortSignal,
  firstLimit: number = VOICE_MAILS_PAGE_SIZE,
): Promise<VoiceMail[]> {
  const params: VoiceMailsQuery = { ...query, limit: cursor?.limit ?? firstLimit };
  if (cursor !== null) params.created_at_lt_or_eq = cursor.before;
  const { voice_mails } = await firmafonGet('/voice_mails', { query: { ...params }, schema: VoiceMailsResponseSchema, signal });
  return voice_mails;
}

export interface UnheardCount {
  count: number;
  /** False when the history was longer than the loop's bound: the count is then "at least". */
  complete: boolean;
}

/** Unheard messages in the whole history. */
export async function getUnheardCount(signal?: AbortSignal): Promise<UnheardCount> {
  const pages: VoiceMail[][] = [];
  let cursor: VoiceMailsCursor = null;
  for (let i = 0; i < MAX_COUNT_PAGES; i += 1) {
    pages.push(await getVoiceMailsPage({}, cursor, signal, VOICE_MAILS_MAX_LIMIT));
    cursor = nextVoiceMailsCursor(pages, cursor, VOICE_MAILS_MAX_LIMIT);
    if (cursor === null) return { count: countUnheard(mergeVoiceMailPages(pages)), complete: true };
  }
  return { count: countUnheard(mergeVoiceMailPages(pages)), complete: false };
}

/** The count's query: under the voicemail key (['voicemail', …]) so the inbox's writes can adjust it. */
export const unheardCountQuery = () =>
  queryOptions({
    queryKey: ['voicemail', 'unheard-count'] as const,
    queryFn: ({ signal }) => getUnheardCount(signal),
    staleTime: 30_000,
    refetchInterval: 60_000,
    refetchIntervalInBackground: false,
  });
