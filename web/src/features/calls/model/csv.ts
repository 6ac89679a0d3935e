/**
 * CSV export of calls, loaded on demand; the safety rules (every field quoted, no cell can start a formula) are
 * shared/format/csv.ts's.
 */
import type { Call } from '@common/call-schemas.ts';
import { isoWithOffset } from '@common/copenhagen-time.ts';
import { downloadCsv, toCsv } from '@/shared/format/csv.ts';
import { talkSeconds } from '@/shared/model/call.ts';

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

/** Saves the calls as a CSV file. */
export function downloadCallsCsv(calls: readonly Call[], fileName: string): void {
  downloadCsv(callsToCsv(calls), fileName);
}
