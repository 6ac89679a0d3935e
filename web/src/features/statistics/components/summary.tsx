/**
 * The headline figures, each with its counting rule one click away, the missed calls by status linking to the
 * calls page filtered to exactly those calls, and the time to answer.
 */
import { Link } from 'react-router-dom';
import { INTL_LOCALE, useLocale, useMessages } from '@/lib/i18n.tsx';
import { callWords } from '@/shared/messages.ts';
import { formatDuration, formatPercent } from '@/shared/format/format.ts';
import { statisticsMessages } from '../messages.ts';
import { MISSED_STATUS_LIST, type Statistics } from '../model/figures.ts';
import { callsPageLink, type StatisticsParams } from '../model/period.ts';

function Figure({ label, value, rule }: { label: string; value: string | number; rule: string }) {
  const t = useMessages(statisticsMessages);
  return (
    <div className="stat-figure">
      <dt>{label}</dt>
      <dd>
        <span className="stat-figure__value">{value}</span>
        <details className="stat-rule">
          <summary>
            {t.howCounted}
            <span className="visually-hidden"> ({label})</span>
          </summary>
          <p>{rule}</p>
        </details>
      </dd>
    </div>
  );
}

export function Summary({ stats, params }: { stats: Statistics; params: StatisticsParams }) {
  const t = useMessages(statisticsMessages);
  const words = useMessages(callWords);
  const { locale } = useLocale();
  const intl = INTL_LOCALE[locale];
  const { totals, answerTimes } = stats;
  const seconds = (value: number | null) => (value === null ? '—' : formatDuration(value, locale));
  return (
    <>
      <section className="stat-section" aria-labelledby="stat-figures">
        <h2 id="stat-figures">{t.figures}</h2>
        <dl className="stat-figures">
          <Figure label={t.incoming} value={totals.incoming} rule={t.rules.incoming} />
          <Figure label={t.answered} value={totals.answered} rule={t.rules.answered} />
          <Figure label={t.missed} value={totals.missed} rule={t.rules.missed} />
          <Figure label={t.answerRate} value={totals.answerRate === null ? '—' : formatPercent(totals.answerRate, intl)} rule={t.rules.answerRate} />
        </dl>
        <h3>{t.missedBreakdown}</h3>
        <ul className="stat-links">
          {MISSED_STATUS_LIST.map((status) => (
            <li key={status}>
              <Link to={callsPageLink(params, { status })}>{t.openInCalls(words.status[status], totals.byStatus[status])}</Link>
            </li>
          ))}
        </ul>
      </section>
      <section className="stat-section" aria-labelledby="stat-answer-times">
        <h2 id="stat-answer-times">{t.answerTimesHeading}</h2>
        {answerTimes.count === 0 ? <p className="muted">{t.noAnswerTimes}</p> : null}
        <dl className="stat-figures">
          <Figure label={t.median} value={seconds(answerTimes.medianSeconds)} rule={t.rules.answerTimes} />
          <Figure label={t.p90} value={seconds(answerTimes.p90Seconds)} rule={t.rules.answerTimes} />
          <Figure
            label={t.withinTarget(answerTimes.targetSeconds)}
            value={answerTimes.withinTargetShare === null ? '—' : formatPercent(answerTimes.withinTargetShare, intl)}
            rule={t.rules.withinTarget}
          />
        </dl>
      </section>
    </>
  );
}
