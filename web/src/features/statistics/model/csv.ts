/**
 * The per-reception and per-employee tables as CSV, with the call export's safety rules (shared/format/csv.ts:
 * every field quoted, no cell can start a formula — names are other people's text).
 */
import { toCsv } from '@/shared/format/csv.ts';
import type { Row } from './figures.ts';
import type { Period } from './period.ts';

export const ROWS_CSV_COLUMNS = [
  'name',
  'endpoint',
  'incoming',
  'answered',
  'missed',
  'answer_rate',
  'talk_seconds_total',
  'talk_seconds_average',
] as const;

/** Rates as decimals with four places (`0.8125`) and seconds as whole numbers, so spreadsheets compute with them. */
export function rowsToCsv(rows: readonly Row[]): string {
  return toCsv(
    ROWS_CSV_COLUMNS,
    rows.map((row) => [
      row.name,
      row.key,
      row.incoming,
      row.answered,
      row.missed,
      row.answerRate === null ? '' : row.answerRate.toFixed(4),
      Math.round(row.talkTotal),
      row.talkAverage === null ? '' : Math.round(row.talkAverage),
    ]),
  );
}

/** `firmafon-statistics-by-reception-2026-11-01-2026-11-30.csv`. */
export function rowsCsvFileName(kind: 'reception' | 'employee', period: Period): string {
  return `firmafon-statistics-by-${kind}-${period.from}-${period.to}.csv`;
}
