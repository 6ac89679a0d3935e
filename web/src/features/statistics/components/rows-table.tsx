/** A real table of per-reception or per-employee figures beside its chart, with a CSV export. */
import { INTL_LOCALE, useLocale, useMessages } from '@/lib/i18n.tsx';
import { downloadCsv } from '@/shared/format/csv.ts';
import { formatDuration, formatPercent } from '@/shared/format/format.ts';
import { Button } from '@/shared/ui/button.tsx';
import { statisticsMessages } from '../messages.ts';
import { rowsCsvFileName, rowsToCsv } from '../model/csv.ts';
import type { Row } from '../model/figures.ts';
import type { Period } from '../model/period.ts';
import { RowsChart } from './charts.tsx';

export function RowsSection({ kind, rows, period, rule }: { kind: 'reception' | 'employee'; rows: readonly Row[]; period: Period; rule?: string }) {
  const t = useMessages(statisticsMessages);
  const { locale } = useLocale();
  const intl = INTL_LOCALE[locale];
  const caption = kind === 'reception' ? t.byReception : t.byEmployee;
  return (
    <section className="stat-section stat-rows" aria-label={caption}>
      <div className="stat-rows__table">
        {/* Focusable, so a keyboard can scroll a table wider than a phone. */}
        <div className="stat-table__scroll" tabIndex={0} role="group" aria-label={caption}>
          <table className="stat-table">
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.name}</th>
                <th scope="col">{t.incoming}</th>
                <th scope="col">{t.answered}</th>
                <th scope="col">{t.missed}</th>
                <th scope="col">{t.answerRate}</th>
                <th scope="col">{t.talkTotal}</th>
                <th scope="col">{t.talkAverage}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.key}>
                  <th scope="row">{row.name}</th>
                  <td>{row.incoming}</td>
                  <td>{row.answered}</td>
                  <td>{row.missed}</td>
                  <td>{row.answerRate === null ? '—' : formatPercent(row.answerRate, intl)}</td>
                  <td>{formatDuration(row.talkTotal, locale)}</td>
                  <td>{row.talkAverage === null ? '—' : formatDuration(row.talkAverage, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="stat-rows__actions">
          {rule ? (
            <details className="stat-rule">
              <summary>{t.howCounted}</summary>
              <p>{rule}</p>
            </details>
          ) : null}
          <Button variant="secondary" size="sm" className="no-print" onClick={() => downloadCsv(rowsToCsv(rows), rowsCsvFileName(kind, period))}>
            {`${t.exportCsv}: ${caption}`}
          </Button>
        </div>
      </div>
      <RowsChart title={caption} rows={rows} />
    </section>
  );
}
