import { describe, expect, it } from 'vitest';
import {
  addDays,
  dateKeyAt,
  dayEndIso,
  dayStartIso,
  instantOf,
  isDateKey,
  isoWithOffset,
  nextDateKey,
  offsetMinutes,
  parseIsoToSeconds,
  startOfDay,
  wallTime,
  weekdayOf,
} from './copenhagen-time.ts';

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

  it('accepts only real calendar dates', () => {
    expect(isDateKey('2026-02-28')).toBe(true);
    expect(isDateKey('2028-02-29')).toBe(true);
    expect(isDateKey('2026-02-29')).toBe(false);
    expect(isDateKey('2026-2-1')).toBe(false);
    expect(isDateKey('yesterday')).toBe(false);
  });

  it('moves between days across months and years, and names their weekday', () => {
    expect(nextDateKey('2026-12-31')).toBe('2027-01-01');
    expect(nextDateKey('2028-02-28')).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-11-30', 7)).toBe('2026-12-07');
    expect(weekdayOf('2026-11-30')).toBe(1);
    expect(weekdayOf('2026-11-29')).toBe(0);
  });
});

describe('Copenhagen wall time', () => {
  it('writes instants with +01:00 in winter and +02:00 in summer, switching at 01:00 UTC on the last Sundays', () => {
    expect(isoWithOffset(Date.parse('2026-11-29T13:03:12.789Z'))).toBe('2026-11-29T14:03:12+01:00');
    expect(isoWithOffset(Date.parse('2026-07-01T12:00:00Z'))).toBe('2026-07-01T14:00:00+02:00');
    expect(isoWithOffset(Date.parse('2026-03-29T00:59:59Z'))).toBe('2026-03-29T01:59:59+01:00');
    expect(isoWithOffset(Date.parse('2026-03-29T01:00:00Z'))).toBe('2026-03-29T03:00:00+02:00');
    expect(isoWithOffset(Date.parse('2026-10-25T00:59:59Z'))).toBe('2026-10-25T02:59:59+02:00');
    expect(isoWithOffset(Date.parse('2026-10-25T01:00:00Z'))).toBe('2026-10-25T02:00:00+01:00');
  });

  it('turns a wall-clock time into the right instant; a repeated hour is the first, a skipped one an hour later', () => {
    expect(instantOf(2026, 11, 27, 14, 30)).toBe(Date.parse('2026-11-27T13:30:00Z'));
    expect(instantOf(2026, 7, 1, 14, 0)).toBe(Date.parse('2026-07-01T12:00:00Z'));
    expect(instantOf(2026, 10, 25, 2, 30)).toBe(Date.parse('2026-10-25T00:30:00Z'));
    expect(instantOf(2026, 3, 29, 2, 30)).toBe(Date.parse('2026-03-29T01:30:00Z'));
  });

  it('gives the weekday and hour of an instant in Copenhagen', () => {
    expect(wallTime(Date.parse('2026-11-29T23:30:00Z'))).toMatchObject({ year: 2026, month: 11, day: 30, hour: 0, minute: 30, weekday: 1 });
  });

  it("agrees with the platform's time-zone data every hour from 2024 to 2030", () => {
    const intl = new Intl.DateTimeFormat('en-US', {
      timeZone: 'Europe/Copenhagen',
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      weekday: 'short',
    });
    const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
    const mismatches: string[] = [];
    for (let ms = Date.parse('2024-01-01T00:30:00Z'); ms < Date.parse('2031-01-01T00:00:00Z'); ms += 3_600_000) {
      const parts = Object.fromEntries(intl.formatToParts(ms).map((p) => [p.type, p.value]));
      const w = wallTime(ms);
      const expected = `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute} ${parts.weekday}`;
      const actual = `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')} ${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')} ${weekdays[w.weekday]}`;
      if (expected !== actual) mismatches.push(`${new Date(ms).toISOString()}: ${actual} ≠ ${expected}`);
    }
    expect(mismatches).toEqual([]);
  });
});

describe('parseIsoToSeconds', () => {
  it('parses ISO 8601 times with Z, offsets, fractions and no offset, and refuses junk', () => {
    const t = Date.parse('2026-11-27T13:30:00Z') / 1000;
    expect(parseIsoToSeconds('2026-11-27T13:30:00Z')).toBe(t);
    expect(parseIsoToSeconds('2026-11-27T14:30:00+01:00')).toBe(t);
    expect(parseIsoToSeconds('2026-11-27T22:30:00+0900')).toBe(t);
    expect(parseIsoToSeconds('2026-11-27T13:30:00.999Z')).toBe(t);
    expect(parseIsoToSeconds('2026-11-27T14:30:00')).toBe(t);
    for (const junk of ['', 'now', '2026-02-30T00:00:00Z', '2026-11-27T14:30:00 01:00', '2026-11-27T25:00:00Z']) {
      expect(parseIsoToSeconds(junk)).toBeNull();
    }
  });
});
