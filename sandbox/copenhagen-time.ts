/**
 * Time in Copenhagen as a Rails app with `Europe/Copenhagen` renders it (`2026-11-29T14:03:12+01:00`), and
 * parsing of the API's time filters. EU summer time is computed by rule (last Sunday of March to last Sunday
 * of October, 01:00 UTC), so the output does not depend on the host's time-zone data.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** 01:00 UTC on the last Sunday of the month (0-based month), in ms. */
function lastSundayAtOneUtc(year: number, monthIndex: number): number {
  const lastDay = new Date(Date.UTC(year, monthIndex + 1, 0));
  const day = lastDay.getUTCDate() - lastDay.getUTCDay();
  return Date.UTC(year, monthIndex, day, 1);
}

/** Copenhagen's offset from UTC in minutes (60 or 120) at an instant. */
export function copenhagenOffsetMinutes(utcMs: number): number {
  const year = new Date(utcMs).getUTCFullYear();
  const summerStart = lastSundayAtOneUtc(year, 2);
  const summerEnd = lastSundayAtOneUtc(year, 9);
  return utcMs >= summerStart && utcMs < summerEnd ? 120 : 60;
}

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
}

export function copenhagenParts(utcMs: number): LocalParts {
  const local = new Date(utcMs + copenhagenOffsetMinutes(utcMs) * MINUTE);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
    weekday: local.getUTCDay(),
  };
}

/**
 * The instant of a Copenhagen wall-clock time (month 1-based). An hour repeated in October resolves to the
 * first (summer) one; a time skipped in March resolves to an hour later.
 */
export function copenhagenLocalToUtc(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): number {
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const summer = asUtc - 2 * HOUR;
  if (copenhagenOffsetMinutes(summer) === 120) return summer;
  return asUtc - HOUR;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `2026-11-29T14:03:12+01:00`: whole seconds, Copenhagen offset. */
export function formatCopenhagen(utcMs: number): string {
  const offset = copenhagenOffsetMinutes(utcMs);
  const p = copenhagenParts(utcMs);
  const sign = offset >= 0 ? '+' : '-';
  const offsetText = `${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${offsetText}`;
}

const ISO_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|z|[+-]\d{2}(?::?\d{2})?)?)?$/;

/**
 * Parses an ISO 8601 time filter to whole Unix seconds (fractions are cut off: the API compares at
 * second precision). With no offset the time is read as Copenhagen wall-clock time, as Rails'
 * `Time.zone.parse` would. Returns null for anything else — including `…12 01:00`, which is what an
 * unencoded `+01:00` becomes in a query string.
 */
export function parseIsoToSeconds(text: string): number | null {
  const m = ISO_PATTERN.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s, , zone] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = h === undefined ? 0 : Number(h);
  const minute = mi === undefined ? 0 : Number(mi);
  const second = s === undefined ? 0 : Number(s);
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  let utcMs: number;
  if (zone === undefined) {
    utcMs = copenhagenLocalToUtc(year, month, day, hour, minute, second);
  } else if (zone === 'Z' || zone === 'z') {
    utcMs = Date.UTC(year, month - 1, day, hour, minute, second);
  } else {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const offsetHours = Number(digits.slice(0, 2));
    const offsetMinutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
    if (offsetHours > 23 || offsetMinutes > 59) return null;
    utcMs = Date.UTC(year, month - 1, day, hour, minute, second) - sign * (offsetHours * HOUR + offsetMinutes * MINUTE);
  }
  return Math.floor(utcMs / 1000);
}
