import { describe, expect, it } from 'vitest';
import { formatCallTime, formatDuration, formatPercent } from './format.ts';

describe('formatDuration', () => {
  it.each([
    [0, '0 s', '0 sek.'],
    [5, '5 s', '5 sek.'],
    [59.6, '1 min 00 s', '1 min. 00 sek.'],
    [65, '1 min 05 s', '1 min. 05 sek.'],
    [3599, '59 min 59 s', '59 min. 59 sek.'],
    [3725, '1 h 02 min', '1 t. 02 min.'],
  ])('shows %d seconds as %j / %j', (seconds, en, da) => {
    expect(formatDuration(seconds, 'en')).toBe(en);
    expect(formatDuration(seconds, 'da')).toBe(da);
  });

  it('reads negative or broken values as zero', () => {
    expect(formatDuration(-3, 'en')).toBe('0 s');
    expect(formatDuration(Number.NaN, 'en')).toBe('0 s');
  });
});

describe('formatPercent', () => {
  it('rounds a share to a whole percentage in each language', () => {
    expect(formatPercent(0.666, 'en-GB')).toBe('67%');
    expect(formatPercent(1, 'en-GB')).toBe('100%');
    expect(formatPercent(0, 'da-DK')).toBe('0\u00a0%');
    expect(formatPercent(0.5, 'da-DK')).toBe('50\u00a0%');
  });
});

describe('formatCallTime', () => {
  const now = Date.parse('2026-11-29T15:00:00Z');

  it('shows only the time for calls today in Copenhagen', () => {
    expect(formatCallTime('2026-11-29T13:03:00Z', 'en-GB', now)).toBe('14:03');
    expect(formatCallTime('2026-11-28T23:30:00Z', 'da-DK', now)).toBe('00.30');
  });

  it('shows date and time for older calls', () => {
    expect(formatCallTime('2026-11-28T13:03:00Z', 'en-GB', now)).toBe('28 Nov 2026, 14:03');
    expect(formatCallTime('2026-11-28T13:03:00Z', 'da-DK', now)).toMatch(/^28\. nov\. 2026.*14\.03$/);
  });

  it('counts the whole Copenhagen day as today, also on a day with 25 hours', () => {
    // 25 October 2026: clocks go back at 03:00, the day runs from 22:00Z on the 24th to 23:00Z on the 25th.
    const dstEnd = Date.parse('2026-10-25T12:00:00Z');
    expect(formatCallTime('2026-10-24T22:00:00Z', 'en-GB', dstEnd)).toBe('00:00');
    expect(formatCallTime('2026-10-25T22:59:00Z', 'en-GB', dstEnd)).toBe('23:59');
    expect(formatCallTime('2026-10-24T21:59:00Z', 'en-GB', dstEnd)).toBe('24 Oct 2026, 23:59');
    expect(formatCallTime('2026-10-25T23:00:00Z', 'en-GB', dstEnd)).toBe('26 Oct 2026, 00:00');
  });

  it('returns unreadable timestamps as they came', () => {
    expect(formatCallTime('not a time', 'en-GB', now)).toBe('not a time');
  });
});
