/**
 * `/calls`: calls in progress (shared/ui/calls-in-progress.tsx), today's overview, the filter form and the filtered call history. Filters live in the URL
 * (applying pushes a history entry, so Back restores the previous filters; links can be shared).
 */
import type { QueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useMessages } from '@/lib/i18n.tsx';
import { CallsInProgress } from '@/shared/ui/calls-in-progress.tsx';
import { callQueries } from '../api/call-queries.ts';
import { CallFiltersForm } from '../components/call-filters-form.tsx';
import { CallsList } from '../components/calls-list.tsx';
import { CallsOverview } from '../components/calls-overview.tsx';
import { callsMessages } from '../messages.ts';
import { filtersFromSearchParams, filtersToSearchParams, type CallFilters } from '@/shared/model/call-filters.ts';
import '../calls.css';

export default function CallsPage() {
  const t = useMessages(callsMessages);
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => filtersFromSearchParams(searchParams), [searchParams]);
  const filtersKey = filtersToSearchParams(filters).toString();

  const applyFilters = useCallback((next: CallFilters) => setSearchParams(filtersToSearchParams(next)), [setSearchParams]);
  const clearFilters = useCallback(() => setSearchParams(new URLSearchParams()), [setSearchParams]);

  return (
    <div className="calls-page">
      <h1>{t.title}</h1>
      <CallsInProgress />
      <CallsOverview listSearch={filtersKey} />
      <CallFiltersForm key={`form-${filtersKey}`} filters={filters} onApply={applyFilters} onClear={clearFilters} />
      <CallsList key={`list-${filtersKey}`} filters={filters} onClearFilters={clearFilters} />
    </div>
  );
}

/** What the page needs first for `url`: the newest page of calls for its filters (pages registry, app/pages.ts). */
export function prefetch(queryClient: QueryClient, url: URL): void {
  void queryClient.prefetchInfiniteQuery(callQueries.list(filtersFromSearchParams(url.searchParams)));
}
