import { describe, expect, it } from 'vitest';
import { rowsCsvFileName, rowsToCsv } from './csv.ts';
import type { Row } from './figures.ts';

const row = (overrides: Partial<Row>): Row => ({
  key: 'Employee#1',
  name: 'Mette',
  incoming: 10,
  finished: 9,
  answered: 6,
  missed: 3,
  answerRate: 6 / 9,
  talkTotal: 600.4,
  talkAverage: 100.07,
  ...overrides,
});

describe('rowsToCsv', () => {
  it('writes one quoted line per row with rates as decimals and whole seconds', () => {
    const csv = rowsToCsv([row({})]);
    expect(csv.split('\r\n')).toEqual([
      '\uFEFF"name","endpoint","incoming","answered","missed","answer_rate","talk_seconds_total","talk_seconds_average"',
      '"Mette","Employee#1","10","6","3","0.6667","600","100"',
      '',
    ]);
  });

  it('keeps a name from starting a formula, as the calls export does', () => {
    const csv = rowsToCsv([row({ name: '=HYPERLINK("x")', answerRate: null, talkAverage: null })]);
    expect(csv).toContain('"\'=HYPERLINK(""x"")","Employee#1","10","6","3","","600",""');
  });

  it('names the file after the table and the period', () => {
    expect(rowsCsvFileName('reception', { from: '2026-11-01', to: '2026-11-30' })).toBe('firmafon-statistics-by-reception-2026-11-01-2026-11-30.csv');
  });
});
