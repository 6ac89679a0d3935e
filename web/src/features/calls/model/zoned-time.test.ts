import { describe, expect, it } from 'vitest';
import { dateKeyAt, dayEndIso, dayStartIso, isDateKey, isoWithOffset, nextDateKey, offsetMinutes, startOfDay } from './zoned-time.ts';

describe('Copenhagen days', () => {
  it('starts a winter day at midnight +01:00', () => {
    expect(dayStartIso('2026-11-29')).toBe('2026-11-29T00:00:00+01:00');
    expect(startOfDay('2026-11-29')).toBe(Date.parse('2026-11-28T23:00:00Z'));
  });

  it('starts a summer day at midnight +02:00', () => {
    expect(dayStartIso('2026-07-01')).toBe('2026-07-01T00:00:00+02:00');
  });

  it('ends a day at its last whole second', () => {
    expect(dayEndIso('2026-11-29')).toBe('2026-11-29T23:59:59+01:00');
  });

  it('handles the days clocks change (23 and 25 hours long)', () => {
    // 2026-03-29: 02:00 → 03:00; 2026-10-25: 03:00 → 02:00.
    expect(dayStartIso('2026-03-29')).toBe('2026-03-29T00:00:00+01:00');
    expect(dayEndIso('2026-03-29')).toBe('2026-03-29T23:59:59+02:00');
    expect((startOfDay('2026-03-30') - startOfDay('2026-03-29')) / 3_600_000).toBe(23);
    expect((startOfDay('2026-10-26') - startOfDay('2026-10-25')) / 3_600_000).toBe(25);
  });

  it('knows the offset at an instant', () => {
    expect(offsetMinutes(Date.parse('2026-01-15T12:00:00Z'))).toBe(60);
    expect(offsetMinutes(Date.parse('2026-06-15T12:00:00Z'))).toBe(120);
  });

  it('tells the Copenhagen date of an instant, which differs from UTC near midnight', () => {
    expect(dateKeyAt(Date.parse('2026-11-28T23:30:00Z'))).toBe('2026-11-29');
    expect(dateKeyAt(Date.parse('2026-11-28T22:59:59Z'))).toBe('2026-11-28');
  });

  it('writes instants with their offset', () => {
    expect(isoWithOffset(Date.parse('2026-06-15T12:00:00Z'))).toBe('2026-06-15T14:00:00+02:00');
    expect(isoWithOffset(Date.parse('2026-06-15T12:00:00Z'), 'America/New_York')).toBe('2026-06-15T08:00:00-04:00');
  });

  it('accepts only real calendar dates', () => {
    expect(isDateKey('2026-02-28')).toBe(true);
    expect(isDateKey('2028-02-29')).toBe(true);
    expect(isDateKey('2026-02-29')).toBe(false);
    expect(isDateKey('2026-2-1')).toBe(false);
    expect(isDateKey('yesterday')).toBe(false);
  });

  it('moves to the next day across months and years', () => {
    expect(nextDateKey('2026-12-31')).toBe('2027-01-01');
    expect(nextDateKey('2028-02-28')).toBe('2028-02-29');
  });
});
