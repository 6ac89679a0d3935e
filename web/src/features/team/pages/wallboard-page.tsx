/**
 * `/wallboard`: a screen for the office wall, shown without the header (pages.ts `fullScreen`), dark whatever the
 * system's theme, its figures readable from across the room: calls waiting, the longest wait, who is available
 * now, today's answered share and the missed callers not called back. Nothing to click; it keeps itself current
 * for a whole day: calls in progress and presence are pushed and polled as on the team board, each call pushed as
 * ended is counted at once and today's calls are fetched every minute, and at Copenhagen midnight the day rolls over
 * (the day before leaves the cache a few minutes later, shared/api/day-calls.ts). The longest wait ticks in its own component (shared/ui/elapsed.tsx); the page renders
 * only when data arrives.
 */
import type { QueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { dateKeyAt } from '@common/copenhagen-time.ts';
import { INTL_LOCALE, useLocale, useMessages } from '@/lib/i18n.tsx';
import { dayCallsQuery, useDayCalls } from '@/shared/api/day-calls.ts';
import { liveCallQueries, useLiveCallNodes } from '@/shared/api/live-calls.ts';
import { formatPercent } from '@/shared/format/format.ts';
import { useCopenhagenToday } from '@/shared/hooks/use-copenhagen-today.ts';
import { Elapsed } from '@/shared/ui/elapsed.tsx';
import { teamQueries, useTeamMembers } from '../api/team-queries.ts';
import { teamMessages } from '../messages.ts';
import { clockTime } from '../model/clock-time.ts';
import { availableNames, dayFigures, waitingFigures } from '../model/wallboard.ts';
import '../wallboard.css';

/** Names shown under the number of available people; more would not be readable from across the room. */
const MAX_NAMES = 8;

interface Polled {
  data: unknown;
  isError: boolean;
  failureCount: number;
  dataUpdatedAt: number;
}

/** A query that has data but cannot refresh it: the wall says how old its figures are. */
const isStale = (q: Polled) => q.data !== undefined && (q.isError || q.failureCount > 0);

export default function WallboardPage() {
  const t = useMessages(teamMessages).wallboard;
  const { locale } = useLocale();
  const intlLocale = INTL_LOCALE[locale];
  const today = useCopenhagenToday();
  const live = useLiveCallNodes();
  const members = useTeamMembers();
  const day = useDayCalls(today);

  const waiting = useMemo(() => (live.data ? waitingFigures(live.data.nodes) : null), [live.data]);
  const available = useMemo(() => (members.data ? availableNames(members.data.members) : null), [members.data]);
  const figures = useMemo(() => (day.data ? dayFigures(day.data) : null), [day.data]);

  const stale = [live, members, day].filter(isStale);
  const status = stale.length > 0 ? t.stale(clockTime(Math.min(...stale.map((q) => q.dataUpdatedAt)), intlLocale)) : '';
  const shownNames = available?.slice(0, MAX_NAMES) ?? [];
  const moreNames = (available?.length ?? 0) - shownNames.length;

  return (
    <div className="wallboard">
      <div className="wallboard__top">
        <h1 className="wallboard__title">{t.title}</h1>
        <p className="wallboard__status" role="status">
          {status}
        </p>
        <Link className="wallboard__back" to="/team">
          {t.back}
        </Link>
      </div>
      <dl className="wallboard__tiles">
        <div className={`wallboard__tile${waiting && waiting.count > 0 ? ' wallboard__tile--alert' : ''}`}>
          <dt>{t.waiting}</dt>
          <dd className="wallboard__figure" data-testid="wallboard-waiting">
            {waiting ? waiting.count : '–'}
          </dd>
        </div>
        <div className={`wallboard__tile${waiting && waiting.count > 0 ? ' wallboard__tile--alert' : ''}`}>
          <dt>{t.longestWait}</dt>
          <dd className="wallboard__figure wallboard__figure--time" data-testid="wallboard-longest-wait">
            {waiting?.oldestStart == null ? t.noWait : <Elapsed since={waiting.oldestStart} skewMs={live.data?.skewMs ?? 0} />}
          </dd>
        </div>
        <div className="wallboard__tile wallboard__tile--people">
          <dt>{t.available}</dt>
          <dd>
            <span className="wallboard__figure wallboard__figure--good" data-testid="wallboard-available">
              {available ? available.length : '–'}
            </span>
            {available && available.length === 0 ? <p className="wallboard__names">{t.nobodyAvailable}</p> : null}
            {shownNames.length > 0 ? (
              <ul className="wallboard__names" aria-label={t.available}>
                {shownNames.map((name, index) => (
                  // Two people may share a name; the list is in a stable order.
                  <li key={`${index}:${name}`}>{name}</li>
                ))}
                {moreNames > 0 ? <li>{t.andMore(moreNames)}</li> : null}
              </ul>
            ) : null}
          </dd>
        </div>
        <div className="wallboard__tile">
          <dt>{t.answeredToday}</dt>
          <dd className="wallboard__figure" data-testid="wallboard-answered">
            {figures?.answeredRate == null ? t.noCallsYet : formatPercent(figures.answeredRate, intlLocale)}
          </dd>
        </div>
        <div className="wallboard__tile">
          <dt>{t.notCalledBack}</dt>
          <dd className="wallboard__figure" data-testid="wallboard-not-called-back">
            {figures ? figures.notCalledBack : '–'}
          </dd>
        </div>
      </dl>
    </div>
  );
}

/** What the wallboard needs first (pages registry, app/pages.ts). */
export function prefetch(queryClient: QueryClient): void {
  void queryClient.prefetchQuery(liveCallQueries.nodes());
  void queryClient.prefetchQuery(teamQueries.members());
  void queryClient.prefetchQuery(dayCallsQuery(dateKeyAt(Date.now())));
}
