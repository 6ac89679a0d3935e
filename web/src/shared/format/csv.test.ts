import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BOM, csvField, csvRow, toCsv } from './csv.ts';

const FORMULA_START = /^[=+\-@\t\r]/;

describe('csvField', () => {
  it('quotes every field, also plain text and numbers', () => {
    expect(csvField('Mette Jensen')).toBe('"Mette Jensen"');
    expect(csvField(42)).toBe('"42"');
    expect(csvField(null)).toBe('""');
    expect(csvField(undefined)).toBe('""');
  });

  it('keeps separators inside the cell and doubles inner quotes (RFC 4180)', () => {
    expect(csvField('Jensen, Mette')).toBe('"Jensen, Mette"');
    expect(csvField('Jensen; Mette')).toBe('"Jensen; Mette"');
    expect(csvField('Mette "the boss" Jensen')).toBe('"Mette ""the boss"" Jensen"');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
  });

  it.each(['=HYPERLINK("http://x")', '+45 12', '-1+1', '@SUM(A1)', '\tcmd', '\rcmd'])('neutralises %j at the start of the cell', (value) => {
    expect(csvField(value).startsWith(`"'`)).toBe(true);
  });

  it('neutralises a formula after a semicolon or a tab inside a name (Danish Excel splits on ;)', () => {
    expect(csvField('Bob;=1+1;')).toBe(`"Bob;'=1+1;"`);
    expect(csvField('x\t=1+1')).toBe(`"x\t'=1+1"`);
    expect(csvField('a,@b;-c')).toBe(`"a,'@b;'-c"`);
  });

  it('leaves text that only contains such characters in the middle alone', () => {
    expect(csvField('Jensen-Hansen')).toBe('"Jensen-Hansen"');
    expect(csvField('2026-11-29T14:03:05+01:00')).toBe('"2026-11-29T14:03:05+01:00"');
  });
});

describe('toCsv', () => {
  it('starts with a BOM and ends every line with CRLF', () => {
    expect(toCsv(['a', 'b'], [['1', 2]])).toBe(`${BOM}"a","b"\r\n"1","2"\r\n`);
  });
});

/** Names and numbers as hostile people would write them: formula starts and separators mixed into ordinary text. */
const hostile = fc
  .array(fc.oneof(fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', ',', ';', '"', "'", ' ', '=1+1', 'cmd|', '=HYPERLINK("x")'), fc.string({ maxLength: 6 })), {
    maxLength: 12,
  })
  .map((parts) => parts.join(''));
const value = fc.oneof(hostile, fc.integer().map(String), fc.constant(null));

describe('a CSV row, split the way any spreadsheet might', () => {
  it('never yields a cell that starts a formula, whether split on ",", ";" or tab', () => {
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 8 }), (fields) => {
        const row = csvRow(fields);
        for (const separator of [',', ';', '\t']) {
          for (const cell of row.split(separator)) {
            // A naive split keeps the quotes: what a spreadsheet would read starts after them.
            expect(cell.replace(/^"+/, '')).not.toMatch(FORMULA_START);
            expect(cell).not.toMatch(FORMULA_START);
          }
        }
      }),
      { numRuns: 2000 },
    );
  });
});
