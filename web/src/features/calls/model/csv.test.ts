import { describe, expect, it } from 'vitest';
import { makeCall } from '@/shared/testing/make-call.ts';
import { BOM, CALL_CSV_COLUMNS, callsToCsv, csvField, csvFileName, toCsv } from './csv.ts';

describe('csvField', () => {
  it('leaves plain text alone', () => {
    expect(csvField('Mette Jensen')).toBe('Mette Jensen');
    expect(csvField(42)).toBe('42');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
  });

  it('quotes fields holding a comma, quote, CR or LF and doubles inner quotes (RFC 4180)', () => {
    expect(csvField('Jensen, Mette')).toBe('"Jensen, Mette"');
    expect(csvField('Mette "the boss" Jensen')).toBe('"Mette ""the boss"" Jensen"');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField('a\r\nb')).toBe('"a\r\nb"');
  });

  it.each(['=HYPERLINK("http://x")', '+45 12', '-1+1', '@SUM(A1)', '\tcmd', '\rcmd'])(
    'neutralises %j so a spreadsheet cannot run it',
    (value) => {
      expect(csvField(value).replace(/^"/, '').startsWith("'")).toBe(true);
    },
  );

  it('neutralises and quotes a formula that also holds a comma', () => {
    expect(csvField('=1,2')).toBe(`"'=1,2"`);
    expect(csvField('=A1&"x"')).toBe(`"'=A1&""x"""`);
  });
});

describe('toCsv', () => {
  it('starts with a BOM and ends every line with CRLF', () => {
    expect(toCsv(['a', 'b'], [['1', '2']])).toBe(`${BOM}a,b\r\n1,2\r\n`);
  });
});

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
    expect(lines[0]).toBe(CALL_CSV_COLUMNS.join(','));
    expect(lines[1]).toBe(
      `2026-11-29T14:03:05+01:00,incoming,answered,4512345678,"'=cmd|"" /C calc""!A0",4571999999,,Mette Jensen,65,Hovednummer,u1`,
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
