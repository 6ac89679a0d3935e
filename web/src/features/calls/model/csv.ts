/**
 * CSV export of calls (RFC 4180: comma, CRLF, quoted fields), loaded on demand. Cells hold other people's
 * text (contact names), so any cell a spreadsheet could read as a formula is neutralised (OWASP "CSV
 * injection"): a leading `=`, `+`, `-`, `@`, tab or CR gets a `'` in front.
 */
import type { Call } from '@common/firmafon-schemas.ts';
import { isoWithOffset } from '@common/copenhagen-time.ts';
import { talkSeconds } from '@/shared/model/call.ts';

/** UTF-8 byte order mark, so that spreadsheet programs read æ, ø and å correctly. */
export const BOM = '\uFEFF';
const CRLF = '\r\n';

const FORMULA_START = /^[=+\-@\t\r]/;

/** One field: neutralised if it could start a formula, quoted if it holds a comma, quote, CR or LF. */
export function csvField(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  if (/[",\r\n]/.test(text)) text = `"${text.replace(/"/g, '""')}"`;
  return text;
}

export function csvRow(fields: readonly (string | number | null | undefined)[]): string {
  return fields.map(csvField).join(',');
}

/** The whole document: BOM, header row, one row per line, each line ended by CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return BOM + [header, ...rows].map((row) => csvRow(row) + CRLF).join('');
}

export const CALL_CSV_COLUMNS = [
  'started_at',
  'direction',
  'status',
  'from_number',
  'from_name',
  'to_number',
  'to_name',
  'answered_by',
  'talk_seconds',
  'endpoint',
  'call_uuid',
] as const;

/**
 * Calls as CSV. Times are written in Copenhagen with their offset (`2026-11-29T14:03:05+01:00`), numbers in
 * Firmafon's digit form (a leading `+` would only be neutralised), talk time in whole seconds.
 */
export function callsToCsv(calls: readonly Call[]): string {
  const rows = calls.map((call) => {
    const started = Date.parse(call.started_at);
    return [
      Number.isNaN(started) ? call.started_at : isoWithOffset(started),
      call.direction,
      call.status,
      call.from_number_hidden ? '' : call.from_number,
      call.from_contact?.name,
      call.to_number,
      call.to_contact?.name,
      call.answered_by?.name,
      talkSeconds(call),
      call.endpoint_name ?? call.endpoint,
      call.call_uuid,
    ];
  });
  return toCsv(CALL_CSV_COLUMNS, rows);
}

/** `firmafon-calls-2026-11-29.csv`. */
export function csvFileName(dateKey: string): string {
  return `firmafon-calls-${dateKey}.csv`;
}

/** Saves the calls as a file through a Blob URL (allowed by the CSP; no data: URL, no new window). */
export function downloadCallsCsv(calls: readonly Call[], fileName: string): void {
  const blob = new Blob([callsToCsv(calls)], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
