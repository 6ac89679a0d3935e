/** Missed callers not called back in the period, each linking to the calls page filtered to that number and period. */
import { Link } from 'react-router-dom';
import { phoneNumberKey } from '@common/phone.ts';
import { useMessages } from '@/lib/i18n.tsx';
import { partyOf } from '@/shared/model/call.ts';
import type { NotCalledBack } from '@/shared/model/call-overview.ts';
import { statisticsMessages } from '../messages.ts';
import { callsPageLink, type StatisticsParams } from '../model/period.ts';

export function NotCalledBackList({ entries, params }: { entries: readonly NotCalledBack[]; params: StatisticsParams }) {
  const t = useMessages(statisticsMessages);
  return (
    <section className="stat-section" aria-labelledby="stat-not-called-back">
      <h2 id="stat-not-called-back">
        {t.notCalledBackHeading} ({entries.length})
      </h2>
      <details className="stat-rule">
        <summary>{t.howCounted}</summary>
        <p>{t.rules.notCalledBack}</p>
      </details>
      {entries.length === 0 ? (
        <p className="muted">{t.notCalledBackNone}</p>
      ) : (
        <ul className="stat-callers">
          {entries.map(({ call, attempts }) => {
            const party = partyOf(call, 'from');
            const number = phoneNumberKey(call.from_number);
            const label = party.name ? `${party.name} (${party.number ?? ''})` : (party.number ?? '');
            return (
              <li key={call.call_uuid}>
                {number ? (
                  <Link to={callsPageLink(params, { number })} aria-label={t.callsFromNumber(label)}>
                    {label}
                  </Link>
                ) : (
                  label
                )}{' '}
                <span className="muted">{t.attempts(attempts)}</span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
