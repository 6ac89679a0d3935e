/**
 * `/voicemail`: the voicemail inbox — filters in the URL (`?endpoint=…&unheard=1`; a change pushes a history entry)
 * and the messages, newest first, with playback, heard/unheard and delete.
 */
import type { QueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useMessages } from '@/lib/i18n.tsx';
import { voiceMailQueries } from '../api/voice-mail-queries.ts';
import { VoicemailFilters } from '../components/voicemail-filters.tsx';
import { VoicemailList } from '../components/voicemail-list.tsx';
import { voicemailMessages } from '../messages.ts';
import { filtersFromSearchParams, filtersToSearchParams, type VoiceMailFilters } from '../model/filters.ts';
import '../voicemail.css';

export default function VoicemailPage() {
  const t = useMessages(voicemailMessages);
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => filtersFromSearchParams(searchParams), [searchParams]);
  const filtersKey = filtersToSearchParams(filters).toString();
  const applyFilters = useCallback((next: VoiceMailFilters) => setSearchParams(filtersToSearchParams(next)), [setSearchParams]);
  const clearFilters = useCallback(() => setSearchParams(new URLSearchParams()), [setSearchParams]);

  return (
    <div className="vm-page">
      <h1>{t.title}</h1>
      <VoicemailFilters filters={filters} onChange={applyFilters} />
      <VoicemailList key={`list-${filtersKey}`} filters={filters} onClearFilters={clearFilters} />
    </div>
  );
}

/** What the page needs first for `url`: the newest voicemails for its filters (pages registry, app/pages.ts). */
export function prefetch(queryClient: QueryClient, url: URL): void {
  void queryClient.prefetchInfiniteQuery(voiceMailQueries.list(filtersFromSearchParams(url.searchParams)));
}
