/**
 * Calendar days in a time zone (Europe/Copenhagen: Firmafon's home) as instants, without a date library.
 * Pure apart from Intl; DST is handled by asking Intl for the zone's offset at the instant in question.
 */

export const COPENHAGEN = 'Europe/Copenhagen';

/** `YYYY-MM-DD`, a calendar date with no time zone. */
export type DateKey = string;

interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock time in `timeZone` at the instant `ms`. */
export function wallTime(ms: number, timeZone: string = COPENHAGEN): WallTime {
  const parts: Record<string, number> = {};
  for (const part of partsFormatter(timeZone).formatToParts(new Date(ms))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: (parts.hour ?? 0) % 24,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** Minutes the zone is ahead of UTC at the instant `ms` (Copenhagen: 60 in winter, 120 in summer). */
export function offsetMinutes(ms: number, timeZone: string = COPENHAGEN): number {
  const w = wallTime(ms, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60_000);
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

/** The calendar date in `timeZone` at the instant `ms`. */
export function dateKeyAt(ms: number, timeZone: string = COPENHAGEN): DateKey {
  const w = wallTime(ms, timeZone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

/** True for a real calendar date written `YYYY-MM-DD` (rejects `2026-02-30`). */
export function isDateKey(value: string): value is DateKey {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** The instant a wall-clock time happens in `timeZone` (for a time that DST skips, the later reading). */
function instantOf(w: WallTime, timeZone: string): number {
  const guess = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  const first = guess - offsetMinutes(guess, timeZone) * 60_000;
  const second = guess - offsetMinutes(first, timeZone) * 60_000;
  return second;
}

/** The first instant of the day `key` in `timeZone`. */
export function startOfDay(key: DateKey, timeZone: string = COPENHAGEN): number {
  const [y, m, d] = key.split('-').map(Number) as [number, number, number];
  return instantOf({ year: y, month: m, day: d, hour: 0, minute: 0, second: 0 }, timeZone);
}

/** The day after `key`. */
export function nextDateKey(key: DateKey): DateKey {
  const [y, m, d] = key.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/** `2026-11-29T00:00:00+01:00`: the instant `ms` written as wall time in `timeZone` with its offset. */
export function isoWithOffset(ms: number, timeZone: string = COPENHAGEN): string {
  const w = wallTime(ms, timeZone);
  const offset = offsetMinutes(ms, timeZone);
  const sign = offset < 0 ? '-' : '+';
  return (
    `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}` +
    `${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`
  );
}

/** The first second of the day, for `started_at_gt_or_eq`. */
export function dayStartIso(key: DateKey, timeZone: string = COPENHAGEN): string {
  return isoWithOffset(startOfDay(key, timeZone), timeZone);
}

/** The last whole second of the day, for `started_at_lt_or_eq` (the bound is inclusive). */
export function dayEndIso(key: DateKey, timeZone: string = COPENHAGEN): string {
  return isoWithOffset(startOfDay(nextDateKey(key), timeZone) - 1000, timeZone);
}
