import { describe, expect, it } from 'vitest';
import { makeCall } from '@/shared/testing/make-call.ts';
import { BOM } from '@/shared/format/csv.ts';
import { CALL_CSV_COLUMNS, callsToCsv, csvFileName } from './csv.ts';

describe('callsToCsv', () => {
  it('writes a header and one row per call with Copenhagen times and digit numbers', () => {
    const call = makeCall({
      call_uuid: 'u1',
      started_at: '2026-11-29T13:03:05Z',
      from_contact: { id: 1, name: '=cmd|" /C calc"!A0', number: null, email: null },
      talk_duration: 65,
    });
    const csv = callsToCsv([call]);
    const lines = csv.slice(1).split('\r\n');
    expect(csv.startsWith(BOM)).toBe(true);
    expect(lines[0]).toBe(CALL_CSV_COLUMNS.map((c) => `"${c}"`).join(','));
    expect(lines[1]).toBe(
      `"2026-11-29T14:03:05+01:00","incoming","answered","4512345678","'=cmd|"" /C calc""!A0","4571999999","","Mette Jensen","65","Hovednummer","u1"`,
    );
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
  });

  it('leaves a hidden number out', () => {
    const csv = callsToCsv([makeCall({ from_number_hidden: true, from_number: '4512345678' })]);
    expect(csv).not.toContain('4512345678');
  });

  it('names the file after the day', () => {
    expect(csvFileName('2026-11-29')).toBe('firmafon-calls-2026-11-29.csv');
  });
});
