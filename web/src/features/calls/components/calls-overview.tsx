/**
 * Today at a glance (Copenhagen's today, all of the company's calls, every page): counts, answer rate,
 * average talk time, and the missed callers nobody has called back yet. A call pushed as ended counts at once.
 */
import { useId, useMemo } from 'react';
import { Link } from 'react-router-dom';
import { ErrorPanel } from '@/shared/ui/error-panel.tsx';
import { Spinner } from '@/shared/ui/spinner.tsx';
import { INTL_LOCALE, useLocale, useMessages } from '@/lib/i18n.tsx';
import { callsMessages } from '../messages.ts';
import { formatDuration, formatPercent } from '@/shared/format/format.ts';
import { computeDayOverview, findNotCalledBack } from '@/shared/model/call-overview.ts';
import { dateKeyAt } from '@common/copenhagen-time.ts';
import { CallTime, PartyLabel, StatusLabel } from '@/shared/ui/call-parts.tsx';
import { useNow } from '@/shared/hooks/use-now.ts';
import { useDayCalls } from '@/shared/api/day-calls.ts';
import { NoSwitchNotice } from '@/shared/ui/call-back-button.tsx';
import { CallBackAction } from './call-back-action.tsx';

export function CallsOverview({ listSearch }: { listSearch: string }) {
  const t = useMessages(callsMessages);
  const { locale } = useLocale();
  const now = useNow();
  const today = dateKeyAt(now);
  const headingId = useId();
  const day = useDayCalls(today);
  const overview = useMemo(() => (day.data ? computeDayOverview(day.data) : null), [day.data]);
  const notCalledBack = useMemo(() => (day.data ? findNotCalledBack(day.data) : []), [day.data]);
  const intlLocale = INTL_LOCALE[locale];

  // Loading and loaded share one shape (the tiles, the heading, a fixed-height box for the callers), so that
  // nothing below moves when today's numbers arrive.
  const stat = (label: string, value: string | number) => (
    <div className="stat">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
  const stats = (values: { incoming: string | number; outgoing: string | number; missed: string | number; rate: string; talk: string }) => (
    <>
      {stat(t.todayIncoming, values.incoming)}
      {stat(t.todayOutgoing, values.outgoing)}
      {stat(t.todayMissed, values.missed)}
      {stat(t.todayAnsweredRate, values.rate)}
      {stat(t.todayAverageTalk, values.talk)}
    </>
  );

  return (
    <section className="calls-overview" aria-labelledby={headingId}>
      <h2 id={headingId}>{t.today}</h2>
      {day.isPending ? (
        <div className="calls-overview__body">
          {/* Placeholders with typical values (a talk time reads "38 min 38 s"), taking space but shown to no one. */}
          <dl className="stats stats--placeholder" aria-hidden="true">
            {stats({ incoming: 0, outgoing: 0, missed: 0, rate: formatPercent(1, intlLocale), talk: formatDuration(38 * 60 + 38, locale) })}
          </dl>
          <div className="callbacks">
            <h3 className="calls-overview__placeholder" aria-hidden="true">
              {t.notCalledBack}
            </h3>
            <div className="callbacks__box">
              <Spinner label={t.loadingToday} />
            </div>
          </div>
        </div>
      ) : day.isError && !day.data ? (
        <ErrorPanel error={day.error} onRetry={() => void day.refetch()} />
      ) : overview ? (
        <div className="calls-overview__body">
          <dl className="stats">
            {stats({
              incoming: overview.incoming,
              outgoing: overview.outgoing,
              missed: overview.missed,
              rate: overview.answeredRate === null ? '—' : formatPercent(overview.answeredRate, intlLocale),
              talk: overview.averageTalkSeconds === null ? '—' : formatDuration(overview.averageTalkSeconds, locale),
            })}
          </dl>
          <div className="callbacks">
            <h3>{t.notCalledBack}</h3>
            <NoSwitchNotice />
            {notCalledBack.length === 0 ? (
              <div className="callbacks__box">
                <p className="muted">{t.notCalledBackNone}</p>
              </div>
            ) : (
              <ul className="callbacks__box callbacks__list">
                {notCalledBack.map(({ call, attempts }) => (
                  <li key={call.call_uuid} className="callbacks__item">
                    <PartyLabel call={call} side="from" action={<CallBackAction call={call} side="from" />} />
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
