/**
 * Calls in progress: how many calls wait and the longest wait (both large, for a glance), then each call — in a
 * queue, ringing someone, or being talked on — with where it came in, who has it and for how long. Times tick each
 * second in their own small components (ui/elapsed.tsx), so the page around them does not re-render. Shows the
 * last known state with its age when Firmafon cannot be reached. Names come from Firmafon: React text only.
 */
import { useQuery } from '@tanstack/react-query';
import { useId, useMemo } from 'react';
import { INTL_LOCALE, useLocale, useMessages } from '@/lib/i18n.tsx';
import { employeeQueries } from '../api/employees.ts';
import { useLiveCallNodes } from '../api/live-calls.ts';
import { receptionQueries } from '../api/receptions.ts';
import { endpointNames } from '../model/endpoints.ts';
import { liveCallsFrom, waitingSummary } from '../model/live-calls.ts';
import { Elapsed } from './elapsed.tsx';
import { liveCallWords } from './live-call-words.ts';
import './calls-in-progress.css';

export function CallsInProgress({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const t = useMessages(liveCallWords);
  const { locale } = useLocale();
  const headingId = useId();
  const live = useLiveCallNodes();
  const receptions = useQuery(receptionQueries.list());
  const employees = useQuery(employeeQueries.list());
  const names = useMemo(() => endpointNames(receptions.data, employees.data), [receptions.data, employees.data]);
  const calls = useMemo(() => liveCallsFrom(live.data?.nodes ?? []), [live.data]);
  const summary = waitingSummary(calls);
  const skewMs = live.data?.skewMs ?? 0;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const nameOf = (endpoint: string | null) => (endpoint ? (names.get(endpoint) ?? endpoint) : null);

  let status: string;
  if (live.isError || (live.failureCount > 0 && live.data)) {
    status = live.data
      ? t.stale(new Date(live.dataUpdatedAt).toLocaleTimeString(INTL_LOCALE[locale], { timeZone: 'Europe/Copenhagen' }))
      : t.failed;
  } else {
    status = !live.data ? t.connecting : live.push === 'live' ? t.pushed : live.push === 'down' ? t.pushDown : t.live;
  }

  return (
    <section className="live-calls" aria-labelledby={headingId}>
      <Heading id={headingId} className="live-calls__heading">
        {t.heading}
      </Heading>
      <dl className="live-calls__figures">
        <div className="live-calls__figure">
          <dt>{t.waitingCount}</dt>
          <dd data-testid="calls-waiting">{live.data ? summary.count : '–'}</dd>
        </div>
        <div className="live-calls__figure">
          <dt>{t.longestWait}</dt>
          <dd data-testid="longest-wait">{summary.oldestStart === null ? t.noWait : <Elapsed since={summary.oldestStart} skewMs={skewMs} />}</dd>
        </div>
      </dl>
      <p className={`live-calls__status${live.isError ? ' live-calls__status--down' : ''}`} role="status">
        {status}
      </p>
      {/* Until the first answer the line's place is kept (most of the time there are no calls): nothing jumps. */}
      {!live.data ? <p className="muted" aria-hidden="true">&nbsp;</p> : calls.length === 0 ? <p className="muted">{t.none}</p> : null}
      {calls.length > 0 ? (
        <ul className="live-calls__list" aria-label={t.heading}>
          {calls.map((call) => {
            const people = call.employees.map((e) => nameOf(e) ?? t.someone).join(', ');
            const where = nameOf(call.entry);
            return (
              <li key={call.callUuid} className={`live-call live-call--${call.state}`}>
                <span className="live-call__state">
                  <span aria-hidden="true" className="live-call__dot" />
                  {t.state[call.state]}
                </span>
                <span className="live-call__where">
                  {where ? t.at(where) : null}
                  {call.state === 'talking' && people ? ` · ${t.with(people)}` : null}
                  {call.state === 'ringing' && people ? ` · ${t.ringingWho(people)}` : null}
                </span>
                <Elapsed className="live-call__time" since={call.stateSince} skewMs={skewMs} />
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}
