/**
 * The foot of a list loaded a page at a time: the failure of the last page with "Try again", a spinner while the
 * next page loads, a button that loads it, or the end of the history said. Presentational only: the list hands in
 * its paged query's state, its words and its class names.
 */
import type { ReactNode } from 'react';
import { Button } from './button.tsx';
import { ErrorPanel } from './error-panel.tsx';
import { Spinner } from './spinner.tsx';

/** What the footer reads of a paged list: the fields of an infinite query's result that it needs. */
export interface PagedList {
  isFetchNextPageError: boolean;
  isFetchingNextPage: boolean;
  hasNextPage: boolean;
  error: unknown;
  fetchNextPage: () => unknown;
}

export interface PagingFooterProps {
  list: PagedList;
  /** Loads the next page (the list's own guard against loading twice). */
  onLoadMore: () => void;
  labels: { loadingMore: string; loadOlder: string; endOfHistory: string };
  className: string;
  endClassName: string;
  /** Placed after the footer's state, e.g. a sentinel that loads the next page on reaching it. */
  children?: ReactNode;
}

export function PagingFooter({ list, onLoadMore, labels, className, endClassName, children }: PagingFooterProps) {
  return (
    <div className={className}>
      {list.isFetchNextPageError ? (
        <ErrorPanel error={list.error} onRetry={() => void list.fetchNextPage()} />
      ) : list.isFetchingNextPage ? (
        <Spinner label={labels.loadingMore} />
      ) : list.hasNextPage ? (
        <Button variant="secondary" onClick={onLoadMore}>
          {labels.loadOlder}
        </Button>
      ) : (
        <p className={endClassName}>{labels.endOfHistory}</p>
      )}
      {children}
    </div>
  );
}
