/**
 * When "today" changes in Copenhagen, for screens left on across midnight: how long until the next check of the
 * date. Pure.
 */
import { dateKeyAt, nextDateKey, startOfDay } from '@common/copenhagen-time.ts';

/** The date is checked at least this often anyway: a sleeping laptop or a throttled tab may miss a timer. */
export const DAY_CHECK_MAX_MS = 60_000;

/** Milliseconds from `nowMs` to the first instant of the next Copenhagen day (23 or 25 hours on DST days). */
export function msUntilNextDay(nowMs: number): number {
  return startOfDay(nextDateKey(dateKeyAt(nowMs))) - nowMs;
}

/** When to look at the date again: just after midnight when that comes first, else within a minute. */
export function nextDayCheckDelay(nowMs: number): number {
  return Math.max(1, Math.min(msUntilNextDay(nowMs) + 50, DAY_CHECK_MAX_MS));
}
