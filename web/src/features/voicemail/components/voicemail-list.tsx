/**
 * The voicemail inbox: pages loaded on demand ("Load older", or on reaching the end of the list), merged by id,
 * the end of the history said. Playing a message marks it heard; "Mark as unheard" undoes that; Delete asks first.
 * Every write changes the list at once and puts it back, with a message, if Firmafon refuses (a delete that finds
 * the message already gone keeps it out, with a note). Render keyed by the filters.
 */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { VoiceMail } from '@common/voice-mail-schemas.ts';
import { ApiError } from '@/lib/api-error.ts';
import { INTL_LOCALE, useLocale, useMessages } from '@/lib/i18n.tsx';
import { receptionQueries } from '@/shared/api/receptions.ts';
import { formatFullTime } from '@/shared/format/format.ts';
import { useNow } from '@/shared/hooks/use-now.ts';
import { endpointOf } from '@/shared/model/endpoints.ts';
import { Alert } from '@/shared/ui/alert.tsx';
import { Button } from '@/shared/ui/button.tsx';
import { ErrorPanel } from '@/shared/ui/error-panel.tsx';
import { PagingFooter } from '@/shared/ui/paging-footer.tsx';
import { Spinner } from '@/shared/ui/spinner.tsx';
import {
  deleteVoiceMail,
  removeFromLists,
  restoreLists,
  setHeardInLists,
  updateVoiceMail,
  voiceMailQueries,
  type ListSnapshot,
} from '../api/voice-mail-queries.ts';
import { voicemailMessages } from '../messages.ts';
import { applyLocalFilters, hasActiveFilters, type VoiceMailFilters } from '../model/filters.ts';
import { mergeVoiceMailPages } from '../model/paging.ts';
import { callerText, VoicemailRow } from './voicemail-row.tsx';
import { DeleteDialog } from './delete-dialog.tsx';

export interface VoicemailListProps {
  filters: VoiceMailFilters;
  onClearFilters: () => void;
}

type Notice = { tone: 'success' | 'info' | 'danger'; text: string } | null;

/** The unheard count moves with a write at once; the next fetch corrects it. */
function useAdjustUnheardCount() {
  const queryClient = useQueryClient();
  return useCallback(
    (delta: number) =>
      queryClient.setQueryData(voiceMailQueries.unheardCount().queryKey, (data) =>
        data ? { ...data, count: Math.max(0, data.count + delta) } : data,
      ),
    [queryClient],
  );
}

export function VoicemailList({ filters, onClearFilters }: VoicemailListProps) {
  const t = useMessages(voicemailMessages);
  const { locale } = useLocale();
  const now = useNow();
  const queryClient = useQueryClient();
  const list = useInfiniteQuery(voiceMailQueries.list(filters));
  const receptions = useQuery(receptionQueries.list());
  const adjustUnheard = useAdjustUnheardCount();

  const [playingId, setPlayingId] = useState<number | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [toDelete, setToDelete] = useState<{ voiceMail: VoiceMail; opener: HTMLElement } | null>(null);
  const listRef = useRef<HTMLUListElement>(null);

  const pages = list.data?.pages;
  const all = useMemo(() => mergeVoiceMailPages(pages ?? []), [pages]);
  // The message being played stays in view under "unheard only", although playing it marked it heard.
  const shown = useMemo(
    () => applyLocalFilters(all, filters).concat(filters.unheard && playingId !== null ? all.filter((m) => m.id === playingId && m.heard) : []),
    [all, filters, playingId],
  );
  const ordered = useMemo(() => (filters.unheard ? mergeVoiceMailPages([shown]) : shown), [filters.unheard, shown]);

  const receptionNames = useMemo(() => {
    const names = new Map<string, string>();
    for (const r of receptions.data ?? []) names.set(endpointOf('Reception', r), r.name);
    return names;
  }, [receptions.data]);

  const whoOf = useCallback((voiceMail: VoiceMail) => callerText(voiceMail, t.hiddenNumber), [t.hiddenNumber]);

  const settleCount = useCallback(
    () => void queryClient.invalidateQueries({ queryKey: voiceMailQueries.unheardCount().queryKey }),
    [queryClient],
  );

  const heardMutation = useMutation<VoiceMail, unknown, { voiceMail: VoiceMail; heard: boolean }, { snapshot: ListSnapshot; delta: number }>({
    mutationFn: ({ voiceMail, heard }) => updateVoiceMail(voiceMail.id, { heard }),
    onMutate: async ({ voiceMail, heard }) => {
      const delta = voiceMail.heard === heard ? 0 : heard ? -1 : 1;
      adjustUnheard(delta);
      return { snapshot: await setHeardInLists(queryClient, voiceMail.id, heard), delta };
    },
    onError: (_error, { voiceMail }, context) => {
      if (context) {
        restoreLists(queryClient, context.snapshot);
        adjustUnheard(-context.delta);
      }
      setNotice({ tone: 'danger', text: t.markFailed(whoOf(voiceMail)) });
    },
    onSettled: settleCount,
  });

  const deleteMutation = useMutation<void, unknown, VoiceMail, { snapshot: ListSnapshot }>({
    mutationFn: (voiceMail) => deleteVoiceMail(voiceMail.id),
    onMutate: async (voiceMail) => {
      if (!voiceMail.heard) adjustUnheard(-1);
      return { snapshot: await removeFromLists(queryClient, voiceMail.id) };
    },
    onSuccess: (_data, voiceMail) => setNotice({ tone: 'success', text: t.deleted(whoOf(voiceMail)) }),
    onError: (error, voiceMail, context) => {
      if (error instanceof ApiError && error.status === 404) {
        setNotice({ tone: 'info', text: t.alreadyDeleted(whoOf(voiceMail)) });
        return;
      }
      if (context) restoreLists(queryClient, context.snapshot);
      if (!voiceMail.heard) adjustUnheard(1);
      setNotice({ tone: 'danger', text: t.deleteFailed(whoOf(voiceMail)) });
    },
    onSettled: settleCount,
  });

  const { mutate: setHeard } = heardMutation;
  const onSetHeard = useCallback((voiceMail: VoiceMail, heard: boolean) => setHeard({ voiceMail, heard }), [setHeard]);
  const onPlay = useCallback((voiceMail: VoiceMail) => setPlayingId(voiceMail.id), []);
  const onStarted = useCallback(
    (voiceMail: VoiceMail) => {
      // The cached copy may be fresher than the row's props (it was marked unheard while playing): read it again.
      const current = mergeVoiceMailPages(queryClient.getQueryData(voiceMailQueries.list(filters).queryKey)?.pages ?? []).find(
        (m) => m.id === voiceMail.id,
      );
      if (current && !current.heard) setHeard({ voiceMail: current, heard: true });
    },
    [queryClient, filters, setHeard],
  );
  const onClosePlayer = useCallback(() => setPlayingId(null), []);
  const onDelete = useCallback((voiceMail: VoiceMail, opener: HTMLElement) => setToDelete({ voiceMail, opener }), []);

  const confirmDelete = () => {
    if (!toDelete) return;
    const { voiceMail } = toDelete;
    if (playingId === voiceMail.id) setPlayingId(null);
    setToDelete(null);
    deleteMutation.mutate(voiceMail);
    // The row and its button are going away: give focus to the list.
    listRef.current?.focus();
  };

  // A notice of success fades by itself; failures stay until dismissed.
  useEffect(() => {
    if (notice?.tone !== 'success') return;
    const timer = window.setTimeout(() => setNotice(null), 8_000);
    return () => window.clearTimeout(timer);
  }, [notice]);

  const { hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage } = list;
  const loadOlder = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage({ cancelRefetch: false });
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  // Reaching the end of the list loads the next page (the button stays as the keyboard's and the fallback's way).
  const sentinelRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const sentinel = sentinelRef.current;
    if (!sentinel || isFetchNextPageError || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) loadOlder();
    });
    observer.observe(sentinel);
    return () => observer.disconnect();
  }, [loadOlder, isFetchNextPageError]);

  const noticeBox = notice ? (
    <Alert
      tone={notice.tone}
      className="vm-notice"
      actions={
        <Button variant="ghost" size="sm" onClick={() => setNotice(null)}>
          {t.dismiss}
        </Button>
      }
    >
      <p>{notice.text}</p>
    </Alert>
  ) : (
    <div role="status" className="visually-hidden" />
  );

  const dialog = toDelete ? (
    <DeleteDialog
      callerText={whoOf(toDelete.voiceMail)}
      timeText={formatFullTime(toDelete.voiceMail.created_at, INTL_LOCALE[locale])}
      returnFocus={toDelete.opener}
      onCancel={() => setToDelete(null)}
      onConfirm={confirmDelete}
    />
  ) : null;

  if (list.isPending) {
    return (
      <section className="vm-list" aria-busy="true">
        <Spinner label={t.loading} />
      </section>
    );
  }

  if (list.isError && !list.data) {
    return (
      <section className="vm-list">
        <ErrorPanel error={list.error} onRetry={() => void list.refetch()} />
      </section>
    );
  }

  const more = (
    <PagingFooter className="vm-more" endClassName="vm-end" list={list} onLoadMore={loadOlder} labels={t}>
      <div ref={sentinelRef} aria-hidden="true" />
    </PagingFooter>
  );

  if (all.length === 0) {
    return (
      <section className="vm-list">
        {noticeBox}
        <div className="vm-empty">
          <p>{hasActiveFilters(filters) ? t.emptyFiltered : t.empty}</p>
          {hasActiveFilters(filters) ? (
            <Button variant="secondary" onClick={onClearFilters}>
              {t.clear}
            </Button>
          ) : null}
        </div>
        {dialog}
      </section>
    );
  }

  return (
    <section className="vm-list">
      {noticeBox}
      <p className="vm-count">{t.shownCount(ordered.length)}</p>
      {filters.unheard ? <p className="vm-note">{t.unheardNote(all.length)}</p> : null}
      {ordered.length === 0 ? (
        <div className="vm-empty">
          <p>{t.emptyUnheardLoaded}</p>
        </div>
      ) : null}
      <ul ref={listRef} className="vm-rows" aria-label={t.listLabel} tabIndex={-1}>
        {ordered.map((voiceMail) => (
          <VoicemailRow
            key={voiceMail.id}
            voiceMail={voiceMail}
            now={now}
            receptionName={voiceMail.endpoint ? (receptionNames.get(voiceMail.endpoint) ?? null) : null}
            playing={playingId === voiceMail.id}
            onPlay={onPlay}
            onStarted={onStarted}
            onClosePlayer={onClosePlayer}
            onSetHeard={onSetHeard}
            onDelete={onDelete}
          />
        ))}
      </ul>
      {more}
      {dialog}
    </section>
  );
}
