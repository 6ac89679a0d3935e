/**
 * Today at a glance (Copenhagen's today, all of the company's calls, every page): counts, answer rate,
 * average talk time, and the missed callers nobody has called back yet.
 */
import { useQuery } from '@tanstack/react-query';
import { useId, useMemo } from 'react';
import { Link } from 'react-router-dom';
import { ErrorPanel } from '../../../components/ui/error-panel.tsx';
import { Spinner } from '../../../components/ui/spinner.tsx';
import { INTL_LOCALE, useLocale, useMessages } from '../../../lib/i18n.tsx';
import { callQueries } from '../api/call-queries.ts';
import { callsMessages } from '../messages.ts';
import { formatDuration } from '../model/format.ts';
import { computeDayOverview, findNotCalledBack } from '../model/overview.ts';
import { dateKeyAt } from '../model/zoned-time.ts';
import { CallTime, PartyLabel, StatusLabel } from './call-parts.tsx';
import { useNow } from './use-now.ts';

export function CallsOverview({ listSearch }: { listSearch: string }) {
  const t = useMessages(callsMessages);
  const { locale } = useLocale();
  const now = useNow();
  const today = dateKeyAt(now);
  const headingId = useId();
  const day = useQuery(callQueries.day(today));
  const overview = useMemo(() => (day.data ? computeDayOverview(day.data) : null), [day.data]);
  const notCalledBack = useMemo(() => (day.data ? findNotCalledBack(day.data) : []), [day.data]);
  const percent = new Intl.NumberFormat(INTL_LOCALE[locale], { style: 'percent', maximumFractionDigits: 0 });

  return (
    <section className="calls-overview" aria-labelledby={headingId}>
      <h2 id={headingId}>{t.today}</h2>
      {day.isPending ? (
        <Spinner label={t.loadingToday} />
      ) : day.isError && !day.data ? (
        <ErrorPanel error={day.error} onRetry={() => void day.refetch()} />
      ) : overview ? (
        <div className="calls-overview__body">
          <dl className="stats">
            <div className="stat">
              <dt>{t.todayIncoming}</dt>
              <dd>{overview.incoming}</dd>
            </div>
            <div className="stat">
              <dt>{t.todayOutgoing}</dt>
              <dd>{overview.outgoing}</dd>
            </div>
            <div className="stat">
              <dt>{t.todayMissed}</dt>
              <dd>{overview.missed}</dd>
            </div>
            <div className="stat">
              <dt>{t.todayAnsweredRate}</dt>
              <dd>{overview.answeredRate === null ? '—' : percent.format(overview.answeredRate)}</dd>
            </div>
            <div className="stat">
              <dt>{t.todayAverageTalk}</dt>
              <dd>{overview.averageTalkSeconds === null ? '—' : formatDuration(overview.averageTalkSeconds, locale)}</dd>
            </div>
          </dl>
          <div className="callbacks">
            <h3>{t.notCalledBack}</h3>
            {notCalledBack.length === 0 ? (
              <p className="muted">{t.notCalledBackNone}</p>
            ) : (
              <ul className="callbacks__list">
                {notCalledBack.map(({ call, attempts }) => (
                  <li key={call.call_uuid} className="callbacks__item">
                    <PartyLabel call={call} side="from" />
                    <span className="callbacks__meta">
                      <Link to={`/calls/${encodeURIComponent(call.call_uuid)}`} state={{ listSearch }}>
                        <CallTime iso={call.started_at} now={now} />
                      </Link>
                      <StatusLabel status={call.status} />
                      {attempts > 1 ? <span>{t.attempts(attempts)}</span> : null}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </div>
        </div>
      ) : null}
    </section>
  );
}
