/**
 * The filtered call history: pages loaded on demand (button, or on reaching the end of the list), merged
 * with the newest page, which is fetched again when Firmafon pushes a call that has ended and polled every 30 s
 * while the tab is visible. Calls that arrive while the page
 * is open are marked "New" and announced politely. Render this keyed by the filters, so that the "new" marks
 * and the reader's place belong to one set of filters.
 */
import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Call } from '@common/call-schemas.ts';
import { usePush } from '@/shared/api/use-push.ts';
import { Button } from '@/shared/ui/button.tsx';
import { ErrorPanel } from '@/shared/ui/error-panel.tsx';
import { PagingFooter } from '@/shared/ui/paging-footer.tsx';
import { Spinner } from '@/shared/ui/spinner.tsx';
import { useMessages } from '@/lib/i18n.tsx';
import { callQueries } from '../api/call-queries.ts';
import { callsMessages } from '../messages.ts';
import { filtersToSearchParams, hasActiveFilters, type CallFilters } from '@/shared/model/call-filters.ts';
import { CALLS_PAGE_SIZE, mergeCallPages } from '@/shared/model/call-paging.ts';
import { dateKeyAt } from '@common/copenhagen-time.ts';
import { CallsTable } from './calls-table.tsx';

export interface CallsListProps {
  filters: CallFilters;
  onClearFilters: () => void;
}

const startedMs = (call: Call | undefined) => (call ? Date.parse(call.started_at) : Number.NEGATIVE_INFINITY);

export function CallsList({ filters, onClearFilters }: CallsListProps) {
  const t = useMessages(callsMessages);
  const queryClient = useQueryClient();
  const listOptions = callQueries.list(filters);
  const list = useInfiniteQuery(listOptions);
  const latest = useQuery({
    ...callQueries.latest(filters),
    enabled: list.isSuccess,
    // Start from the list's first page instead of fetching it twice.
    initialData: () => queryClient.getQueryData(listOptions.queryKey)?.pages[0],
    initialDataUpdatedAt: () => queryClient.getQueryState(listOptions.queryKey)?.dataUpdatedAt,
  });

  // A call Firmafon pushes as ended belongs at the top now, not at the next poll: fetch the newest page again (a
  // request still under way is replaced, as it may have been answered before the call ended).
  const latestKey = callQueries.latest(filters).queryKey;
  usePush((event) => {
    if (event.kind === 'call' && event.call.ended_at !== null) void queryClient.refetchQueries({ queryKey: latestKey, exact: true, type: 'active' });
  });

  const pages = list.data?.pages;
  const calls = useMemo(() => mergeCallPages([latest.data ?? [], ...(pages ?? [])]), [latest.data, pages]);

  // More new calls than one page holds arrived between two polls: fetch the loaded pages again.
  const firstPage = pages?.[0];
  const { refetch } = list;
  useEffect(() => {
    const head = latest.data;
    if (!head || !firstPage || head.length < CALLS_PAGE_SIZE) return;
    const known = new Set(firstPage.map((call) => call.call_uuid));
    if (head.some((call) => known.has(call.call_uuid))) return;
    if (startedMs(head.at(-1)) > startedMs(firstPage[0])) void refetch();
  }, [latest.data, firstPage, refetch]);

  // "New" = not in the list when it first loaded, and not older than its newest call then.
  const [baseline, setBaseline] = useState<{ ids: ReadonlySet<string>; newestMs: number } | null>(null);
  if (baseline === null && list.isSuccess) {
    // Set during render (not in an effect), so the first rendered list already has its baseline.
    setBaseline({ ids: new Set(calls.map((call) => call.call_uuid)), newestMs: startedMs(calls[0]) });
  }
  const newIds = useMemo(() => {
    const ids = new Set<string>();
    if (!baseline) return ids;
    for (const call of calls) {
      if (startedMs(call) < baseline.newestMs) break;
      if (!baseline.ids.has(call.call_uuid)) ids.add(call.call_uuid);
    }
    return ids;
  }, [baseline, calls]);

  const [announcement, setAnnouncement] = useState('');
  const announcedCount = useRef(0);
  useEffect(() => {
    const added = newIds.size - announcedCount.current;
    announcedCount.current = newIds.size;
    if (added > 0) setAnnouncement(t.newCalls(added));
  }, [newIds.size, t]);

  const { hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage } = list;
  const loadOlder = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage({ cancelRefetch: false });
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
  const onNearEnd = useCallback(() => {
    if (!isFetchNextPageError) loadOlder();
  }, [isFetchNextPageError, loadOlder]);

  const [exporting, setExporting] = useState(false);
  const exportCsv = async () => {
    setExporting(true);
    try {
      const { downloadCallsCsv, csvFileName } = await import('../model/csv.ts');
      downloadCallsCsv(calls, csvFileName(dateKeyAt(Date.now())));
    } finally {
      setExporting(false);
    }
  };

  const listSearch = filtersToSearchParams(filters).toString();
  const filtered = hasActiveFilters(filters);

  const liveRegion = (
    <p className="visually-hidden" role="status" aria-live="polite">
      {announcement}
    </p>
  );

  if (list.isPending) {
    return (
      <section className="calls-list" aria-busy="true">
        <Spinner label={t.loading} />
        {liveRegion}
      </section>
    );
  }

  if (list.isError && !list.data) {
    return (
      <section className="calls-list">
        <ErrorPanel error={list.error} onRetry={() => void list.refetch()} />
        {liveRegion}
      </section>
    );
  }

  if (calls.length === 0) {
    return (
      <section className="calls-list">
        <div className="calls-empty">
          <p>{filtered ? t.emptyFiltered : t.empty}</p>
          {filtered ? (
            <Button variant="secondary" onClick={onClearFilters}>
              {t.clear}
            </Button>
          ) : null}
        </div>
        {liveRegion}
      </section>
    );
  }

  return (
    <section className="calls-list">
      <div className="calls-toolbar">
        <p className="calls-toolbar__count">{t.shownCount(calls.length)}</p>
        <Button variant="secondary" size="sm" onClick={() => void exportCsv()} disabled={exporting} title={t.exportNote}>
          {exporting ? t.exporting : t.exportCsv(calls.length)}
        </Button>
      </div>
      <CallsTable calls={calls} newIds={newIds} listSearch={listSearch} onNearEnd={onNearEnd} />
      <PagingFooter className="calls-more" endClassName="calls-end" list={list} onLoadMore={loadOlder} labels={t} />
      {liveRegion}
    </section>
  );
}
