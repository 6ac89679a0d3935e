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
import { StatTable } from './stat-table.tsx';

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
          <StatTable
            caption={caption}
            columns={[t.name, t.incoming, t.answered, t.missed, t.answerRate, t.talkTotal, t.talkAverage]}
            rows={rows.map((row) => ({
              key: row.key,
              header: row.name,
              cells: [
                row.incoming,
                row.answered,
                row.missed,
                row.answerRate === null ? '—' : formatPercent(row.answerRate, intl),
                formatDuration(row.talkTotal, locale),
                row.talkAverage === null ? '—' : formatDuration(row.talkAverage, locale),
              ],
            }))}
          />
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
