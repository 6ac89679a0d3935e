/**
 * Voicemail queries: one key factory for the resource (keys from generic to specific), entries built with
 * `queryOptions`/`infiniteQueryOptions`; and the writes (mark heard/unheard, delete) with the cache updates they
 * make at once and undo on failure. Data is parsed with common/voice-mail-schemas.ts.
 */
import { infiniteQueryOptions, queryOptions, type InfiniteData, type QueryClient, type QueryKey } from '@tanstack/react-query';
import {
  VOICE_MAILS_MAX_LIMIT,
  VoiceMailResponseSchema,
  VoiceMailsResponseSchema,
  type VoiceMail,
  type VoiceMailsQuery,
} from '@common/voice-mail-schemas.ts';
import type { VoiceMailUpdate } from '@common/write-contract.ts';
import { firmafonGet } from '@/lib/api-client.ts';
import { filtersToVoiceMailsQuery, type VoiceMailFilters } from '../model/filters.ts';
import { mergeVoiceMailPages, nextVoiceMailsCursor, VOICE_MAILS_PAGE_SIZE, type VoiceMailsCursor } from '../model/paging.ts';
import { countUnheard } from '../model/voice-mail.ts';
import { firmafonWrite, firmafonWriteAccepted } from '@/lib/api-write.ts';

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

/** Unheard messages in the whole history; `complete` is false when it was longer than the loop's bound. */
export async function getUnheardCount(signal?: AbortSignal): Promise<{ count: number; complete: boolean }> {
  const pages: VoiceMail[][] = [];
  let cursor: VoiceMailsCursor = null;
  for (let i = 0; i < MAX_COUNT_PAGES; i += 1) {
    pages.push(await getVoiceMailsPage({}, cursor, signal, VOICE_MAILS_MAX_LIMIT));
    cursor = nextVoiceMailsCursor(pages, cursor, VOICE_MAILS_MAX_LIMIT);
    if (cursor === null) return { count: countUnheard(mergeVoiceMailPages(pages)), complete: true };
  }
  return { count: countUnheard(mergeVoiceMailPages(pages)), complete: false };
}

/** The server-side part of the filters: "unheard only" is applied in the browser, so it shares the loaded pages. */
const listKeyOf = (filters: VoiceMailFilters) => filtersToVoiceMailsQuery(filters);

export const voiceMailQueries = {
  all: ['voicemail'] as const,
  lists: () => [...voiceMailQueries.all, 'list'] as const,

  /** The messages for `filters`, a page at a time (pages are `VoiceMail[]`, the page param the cursor). */
  list: (filters: VoiceMailFilters) =>
    infiniteQueryOptions({
      queryKey: [...voiceMailQueries.lists(), listKeyOf(filters)] as const,
      queryFn: ({ pageParam, signal }) => getVoiceMailsPage(filtersToVoiceMailsQuery(filters), pageParam, signal),
      initialPageParam: null as VoiceMailsCursor,
      getNextPageParam: (_lastPage, allPages, lastPageParam) => nextVoiceMailsCursor(allPages, lastPageParam),
      staleTime: 60_000,
      // Refetching a long history refetches every loaded page in turn; the person reloads the page instead.
      refetchOnWindowFocus: false,
    }),

  /** How many messages nobody has heard yet, for the navigation bar. */
  unheardCount: () =>
    queryOptions({
      queryKey: [...voiceMailQueries.all, 'unheard-count'] as const,
      queryFn: ({ signal }) => getUnheardCount(signal),
      staleTime: 30_000,
      refetchInterval: 60_000,
      refetchIntervalInBackground: false,
    }),
};

type ListData = InfiniteData<VoiceMail[], VoiceMailsCursor>;
export type ListSnapshot = [QueryKey, ListData | undefined][];

/** Changes every loaded list at once; answers what was there, for {@link restoreLists}. */
async function changeLists(queryClient: QueryClient, change: (page: VoiceMail[]) => VoiceMail[]): Promise<ListSnapshot> {
  await queryClient.cancelQueries({ queryKey: voiceMailQueries.lists() });
  const snapshot = queryClient.getQueriesData<ListData>({ queryKey: voiceMailQueries.lists() });
  queryClient.setQueriesData<ListData>({ queryKey: voiceMailQueries.lists() }, (data) =>
    data ? { ...data, pages: data.pages.map(change) } : data,
  );
  return snapshot;
}

export function restoreLists(queryClient: QueryClient, snapshot: ListSnapshot): void {
  for (const [key, data] of snapshot) queryClient.setQueryData(key, data);
}

/** Marks `id` heard or unheard in every loaded list. */
export function setHeardInLists(queryClient: QueryClient, id: number, heard: boolean): Promise<ListSnapshot> {
  return changeLists(queryClient, (page) => (page.some((m) => m.id === id) ? page.map((m) => (m.id === id ? { ...m, heard } : m)) : page));
}

/** Takes `id` out of every loaded list. */
export function removeFromLists(queryClient: QueryClient, id: number): Promise<ListSnapshot> {
  return changeLists(queryClient, (page) => (page.some((m) => m.id === id) ? page.filter((m) => m.id !== id) : page));
}

/** `PUT voice_mails/:id` `{ heard }`; answers the message as Firmafon now has it. */
export async function updateVoiceMail(id: number, update: VoiceMailUpdate): Promise<VoiceMail> {
  const { voice_mail } = await firmafonWrite('PUT', `/voice_mails/${id}`, { body: update, schema: VoiceMailResponseSchema });
  return voice_mail;
}

/** `DELETE voice_mails/:id`. */
export function deleteVoiceMail(id: number): Promise<void> {
  return firmafonWriteAccepted('DELETE', `/voice_mails/${id}`);
}
