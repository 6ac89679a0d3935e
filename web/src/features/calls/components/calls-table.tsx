/**
 * The call list as a real table, virtualised against the window: only the rows near the viewport are in the
 * DOM (top and bottom spacer rows keep the scroll height), while `aria-rowcount`/`aria-rowindex` tell
 * assistive technology the table's true size. New calls arriving at the top do not move what the reader is
 * looking at. Each row's time is a link to its details; clicking anywhere on a row opens them too.
 */
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { Call } from '@common/call-schemas.ts';
import { useMessages } from '@/lib/i18n.tsx';
import { callsMessages } from '../messages.ts';
import { AnsweredByLabel, CallTime, DirectionLabel, PartyLabel, StatusLabel, TalkTime } from '@/shared/ui/call-parts.tsx';
import { useNow } from '@/shared/hooks/use-now.ts';
import { CallBackAction } from './call-back-action.tsx';

/** Every row has this height (calls.css gives the cells the same): rows are laid out, never measured. */
const ROW_REM = 3.5;
/** Rows rendered beyond each edge of the viewport, so that Tab and small scrolls find their row ready. */
const OVERSCAN = 5;
/** Load the next page when the last rendered row is this close to the end. */
const NEAR_END_ROWS = 5;
const COLUMNS = 7;

export interface CallsTableProps {
  calls: readonly Call[];
  /** Calls that arrived since the page was opened. */
  newIds: ReadonlySet<string>;
  /** The list's search string, so a details page can link back to the same filters. */
  listSearch: string;
  /** Called when the last rows come into view (load the next page). */
  onNearEnd?: () => void;
}

function rootFontSize(): number {
  const size = Number.parseFloat(getComputedStyle(document.documentElement).fontSize);
  return Number.isFinite(size) && size > 0 ? size : 16;
}

export function CallsTable({ calls, newIds, listSearch, onNearEnd }: CallsTableProps) {
  const t = useMessages(callsMessages);
  const now = useNow();
  const navigate = useNavigate();
  const captionId = useId();
  const tbodyRef = useRef<HTMLTableSectionElement>(null);
  const [rowHeight] = useState(() => ROW_REM * rootFontSize());
  const [scrollMargin, setScrollMargin] = useState(0);

  // The table body's distance from the top of the document; changes when content above it changes.
  useLayoutEffect(() => {
    const measure = () => {
      const tbody = tbodyRef.current;
      if (!tbody) return;
      const top = tbody.getBoundingClientRect().top + window.scrollY;
      setScrollMargin((previous) => (Math.abs(previous - top) > 0.5 ? top : previous));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    window.addEventListener('resize', measure);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', measure);
    };
  }, []);

  // Stable options: a new `getItemKey` would make the virtualizer lay out every call again on each render.
  const getItemKey = useCallback((index: number) => calls[index]?.call_uuid ?? index, [calls]);
  const estimateSize = useCallback(() => rowHeight, [rowHeight]);
  const virtualizer = useWindowVirtualizer({
    count: calls.length,
    estimateSize,
    overscan: OVERSCAN,
    scrollMargin,
    getItemKey,
    // Render the rows for a new scroll position in React's own task, not synchronously inside the scroll event:
    // rows have a fixed height, so nothing needs correcting before the browser paints, and the event stays short.
    useFlushSync: false,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0];
  const last = items.at(-1);
  const paddingTop = first ? first.start - scrollMargin : 0;
  const paddingBottom = last ? virtualizer.getTotalSize() - (last.end - scrollMargin) : 0;

  // Keep the reader's place when new calls are put on top while they are scrolled into the list.
  const firstUuid = calls[0]?.call_uuid;
  const previousFirst = useRef(firstUuid);
  useLayoutEffect(() => {
    const previous = previousFirst.current;
    previousFirst.current = firstUuid;
    if (!previous || previous === firstUuid || !tbodyRef.current) return;
    const added = calls.findIndex((call) => call.call_uuid === previous);
    if (added <= 0) return;
    if (tbodyRef.current.getBoundingClientRect().top >= 0) return;
    window.scrollBy(0, added * rowHeight);
  }, [calls, firstUuid, rowHeight]);

  const lastIndex = last?.index ?? -1;
  useEffect(() => {
    if (onNearEnd && calls.length > 0 && lastIndex >= calls.length - 1 - NEAR_END_ROWS) onNearEnd();
  }, [lastIndex, calls.length, onNearEnd]);

  const linkState = useMemo(() => ({ listSearch }), [listSearch]);
  const openCall = useCallback(
    (event: MouseEvent<HTMLTableRowElement>, call: Call) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
        return;
      }
      if ((event.target as Element).closest('a, button, input, select, textarea')) return;
      if (window.getSelection()?.toString()) return;
      void navigate(detailsPath(call), { state: linkState });
    },
    [navigate, linkState],
  );

  return (
    <div className="calls-table-wrap" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="calls-table" aria-rowcount={calls.length + 1}>
        <caption id={captionId} className="visually-hidden">
          {t.caption}
        </caption>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col">{t.col.time}</th>
            <th scope="col">{t.col.direction}</th>
            <th scope="col">{t.col.from}</th>
            <th scope="col">{t.col.to}</th>
            <th scope="col">{t.col.status}</th>
            <th scope="col">{t.col.answeredBy}</th>
            <th scope="col">{t.col.duration}</th>
          </tr>
        </thead>
        <tbody ref={tbodyRef}>
          {paddingTop > 0 ? (
            <tr aria-hidden="true" className="calls-spacer">
              <td colSpan={COLUMNS} style={{ height: paddingTop }} />
            </tr>
          ) : null}
          {items.map((item) => {
            const call = calls[item.index];
            if (!call) return null;
            return (
              <CallRow
                key={item.key}
                call={call}
                rowIndex={item.index + 2}
                isNew={newIds.has(call.call_uuid)}
                now={now}
                linkState={linkState}
                onOpen={openCall}
                newBadge={t.newBadge}
              />
            );
          })}
          {paddingBottom > 0 ? (
            <tr aria-hidden="true" className="calls-spacer">
              <td colSpan={COLUMNS} style={{ height: paddingBottom }} />
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}

const detailsPath = (call: Call) => `/calls/${encodeURIComponent(call.call_uuid)}`;

interface CallRowProps {
  call: Call;
  /** `aria-rowindex`: the header is row 1. */
  rowIndex: number;
  isNew: boolean;
  now: number;
  linkState: { listSearch: string };
  onOpen: (event: MouseEvent<HTMLTableRowElement>, call: Call) => void;
  newBadge: string;
}

/** One call. Memoised: while scrolling, rows that stay in view keep their props and are not rendered again. */
const CallRow = memo(function CallRow({ call, rowIndex, isNew, now, linkState, onOpen, newBadge }: CallRowProps) {
  return (
    <tr
      aria-rowindex={rowIndex}
      className={isNew ? 'calls-row calls-row--new' : 'calls-row'}
      onClick={(event) => onOpen(event, call)}
    >
      <td className="calls-cell--time">
        <Link to={detailsPath(call)} state={linkState} className="calls-link">
          <CallTime iso={call.started_at} now={now} />
        </Link>
        {isNew ? <span className="badge-new">{newBadge}</span> : null}
      </td>
      <td>
        <DirectionLabel direction={call.direction} />
      </td>
      <td>
        <PartyLabel call={call} side="from" action={<CallBackAction call={call} side="from" />} />
      </td>
      <td>
        <PartyLabel call={call} side="to" action={<CallBackAction call={call} side="to" />} />
      </td>
      <td>
        <StatusLabel status={call.status} />
      </td>
      <td>
        <AnsweredByLabel call={call} />
      </td>
      <td>
        <TalkTime call={call} />
      </td>
    </tr>
  );
});
