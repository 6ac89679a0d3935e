/**
 * Voicemail queries: one key factory for the resource (keys from generic to specific), entries built with
 * `queryOptions`/`infiniteQueryOptions`; and the writes (mark heard/unheard, delete) with the cache updates they
 * make at once and undo on failure. Data is parsed with common/voice-mail-schemas.ts.
 */
import { infiniteQueryOptions, type InfiniteData, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { VoiceMailResponseSchema, type VoiceMail } from '@common/voice-mail-schemas.ts';
import type { VoiceMailUpdate } from '@common/write-contract.ts';
import { filtersToVoiceMailsQuery, type VoiceMailFilters } from '../model/filters.ts';
import { nextVoiceMailsCursor, type VoiceMailsCursor } from '../model/paging.ts';
import { firmafonWrite, firmafonWriteAccepted } from '@/lib/api-write.ts';
import { getVoiceMailsPage, unheardCountQuery } from './unheard-count.ts';

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

  /** How many messages nobody has heard yet, for the navigation bar (api/unheard-count.ts). */
  unheardCount: unheardCountQuery,
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
