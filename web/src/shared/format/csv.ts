/**
 * CSV documents that are safe to open in a spreadsheet, whichever separator it splits on. Cells hold other people's
 * text (contact names), so:
 *
 * - every field is quoted (RFC 4180, inner quotes doubled), so a comma, semicolon (Danish Excel's separator), tab or
 *   line break inside a name stays inside its cell;
 * - and even for a program that splits naively, no cell can start a formula (OWASP "CSV injection"): wherever a cell
 *   could begin — the field's start, or just after a `,`, `;`, tab, CR, LF or `"` inside it — a `=`, `+`, `-`, `@`,
 *   tab or CR gets a `'` in front.
 */

/** UTF-8 byte order mark, so that spreadsheet programs read æ, ø and å correctly. */
export const BOM = '\uFEFF';
const CRLF = '\r\n';

const FORMULA_START = /[=+\-@\t\r]/;
/**
 * Where a program might start a new cell inside a field: after a separator it may split on, a line break, or a quote
 * (a naive splitter strips quotes from the start of a cell).
 */
const CELL_BOUNDARY = /[,;\t\r\n"]/;

export type CsvValue = string | number | null | undefined;

/** The text with a `'` before every character that would start a formula where a cell could begin. */
function neutralise(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += 1) {
    const ch = text.charAt(i);
    if (FORMULA_START.test(ch) && (i === 0 || CELL_BOUNDARY.test(text.charAt(i - 1)))) out += "'";
    out += ch;
  }
  return out;
}

/** One field: neutralised, then quoted. */
export function csvField(value: CsvValue): string {
  const text = value === null || value === undefined ? '' : String(value);
  return `"${neutralise(text).replace(/"/g, '""')}"`;
}

export function csvRow(fields: readonly CsvValue[]): string {
  return fields.map(csvField).join(',');
}

/** The whole document: BOM, header row, one row per line, each line ended by CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return BOM + [header, ...rows].map((row) => csvRow(row) + CRLF).join('');
}

/** Saves a CSV document as a file through a Blob URL (allowed by the CSP; no data: URL, no new window). */
export function downloadCsv(csv: string, fileName: string): void {
  const blob = new Blob([csv], { type: 'text/csv;charset=utf-8' });
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
