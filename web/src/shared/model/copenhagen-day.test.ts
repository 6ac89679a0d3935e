import { describe, expect, it } from 'vitest';
import { dateKeyAt } from '@common/copenhagen-time.ts';
import { DAY_CHECK_MAX_MS, msUntilNextDay, nextDayCheckDelay } from './copenhagen-day.ts';

describe('the Copenhagen day roll-over', () => {
  it('counts to Copenhagen midnight, not UTC midnight, in winter and in summer', () => {
    // 23:59:59 in Copenhagen is 22:59:59Z in winter (UTC+1) and 21:59:59Z in summer (UTC+2).
    expect(msUntilNextDay(Date.parse('2026-11-30T22:59:59Z'))).toBe(1000);
    expect(msUntilNextDay(Date.parse('2026-07-01T21:59:59Z'))).toBe(1000);
    expect(dateKeyAt(Date.parse('2026-11-30T22:59:59Z'))).toBe('2026-11-30');
    expect(dateKeyAt(Date.parse('2026-11-30T23:00:00Z'))).toBe('2026-12-01');
  });

  it('knows a day of 23 hours (spring) and of 25 hours (autumn)', () => {
    expect(msUntilNextDay(Date.parse('2026-03-28T23:00:00Z'))).toBe(23 * 3_600_000);
    expect(msUntilNextDay(Date.parse('2026-10-24T22:00:00Z'))).toBe(25 * 3_600_000);
  });

  it('looks again just after midnight when it comes within a minute, else within a minute', () => {
    expect(nextDayCheckDelay(Date.parse('2026-11-30T22:59:59Z'))).toBe(1050);
    expect(nextDayCheckDelay(Date.parse('2026-11-30T12:00:00Z'))).toBe(DAY_CHECK_MAX_MS);
    // Just after midnight the next check is within a minute again, and always in the future.
    const after = Date.parse('2026-11-30T23:00:00Z');
    expect(dateKeyAt(after + nextDayCheckDelay(after - 1000))).toBe('2026-12-01');
  });
});
