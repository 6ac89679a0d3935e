/**
 * Time in Europe/Copenhagen, Firmafon's home and the only time zone the dashboard shows: wall-clock parts of an
 * instant, the instant of a wall-clock time, calendar days as instants, and ISO 8601 with the offset as a Rails
 * app in Copenhagen writes it (`2026-11-29T14:03:12+01:00`). Used by the SPA (days, filters, statistics) and the
 * sandbox (its data and its time filters).
 *
 * Summer time is computed by the EU rule (from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last
 * Sunday of October), so results do not depend on the host's time-zone data and cost no Intl call: statistics
 * bucket tens of thousands of calls by hour. A unit test checks the rule against the platform's tz data.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** `YYYY-MM-DD`, a calendar date with no time zone. */
export type DateKey = string;

/** A Copenhagen wall-clock reading. */
export interface WallTime {
  year: number;
  /** 1–12. */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
}

/** 01:00 UTC on the last Sunday of the month (0-based month), in ms. */
function lastSundayAtOneUtc(year: number, monthIndex: number): number {
  const lastDay = new Date(Date.UTC(year, monthIndex + 1, 0));
  const day = lastDay.getUTCDate() - lastDay.getUTCDay();
  return Date.UTC(year, monthIndex, day, 1);
}

/** Minutes Copenhagen is ahead of UTC at the instant `ms`: 60 in winter, 120 in summer. */
export function offsetMinutes(ms: number): number {
  const year = new Date(ms).getUTCFullYear();
  return ms >= lastSundayAtOneUtc(year, 2) && ms < lastSundayAtOneUtc(year, 9) ? 120 : 60;
}

/** The wall-clock time in Copenhagen at the instant `ms`. */
export function wallTime(ms: number): WallTime {
  const local = new Date(ms + offsetMinutes(ms) * MINUTE);
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
 * The instant of a Copenhagen wall-clock time (month 1-based). An hour repeated in October resolves to the first
 * (summer) one; a time skipped in March resolves to an hour later.
 */
export function instantOf(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const summer = asUtc - 2 * HOUR;
  if (offsetMinutes(summer) === 120) return summer;
  return asUtc - HOUR;
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

/** The calendar date in Copenhagen at the instant `ms`. */
export function dateKeyAt(ms: number): DateKey {
  const w = wallTime(ms);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

function partsOf(key: DateKey): [number, number, number] {
  return key.split('-').map(Number) as [number, number, number];
}

/** True for a real calendar date written `YYYY-MM-DD` (refuses `2026-02-30`). */
export function isDateKey(value: string): value is DateKey {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [y, m, d] = partsOf(value);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** The day `days` after `key` (before, when negative). */
export function addDays(key: DateKey, days: number): DateKey {
  const [y, m, d] = partsOf(key);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The day after `key`. */
export function nextDateKey(key: DateKey): DateKey {
  return addDays(key, 1);
}

/** 0 = Sunday … 6 = Saturday, for a calendar date. */
export function weekdayOf(key: DateKey): number {
  const [y, m, d] = partsOf(key);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** The first instant of the day `key` in Copenhagen. */
export function startOfDay(key: DateKey): number {
  const [y, m, d] = partsOf(key);
  return instantOf(y, m, d);
}

/** `2026-11-29T00:00:00+01:00`: the instant `ms` (whole seconds) as Copenhagen wall time with its offset. */
export function isoWithOffset(ms: number): string {
  const w = wallTime(ms);
  const offset = offsetMinutes(ms);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}+${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
}

/** The first second of the day, for `started_at_gt_or_eq`. */
export function dayStartIso(key: DateKey): string {
  return isoWithOffset(startOfDay(key));
}

/** The last whole second of the day, for `started_at_lt_or_eq` (the bound is inclusive). */
export function dayEndIso(key: DateKey): string {
  return isoWithOffset(startOfDay(nextDateKey(key)) - 1000);
}

const ISO_PATTERN = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|z|[+-]\d{2}(?::?\d{2})?)?)?$/;

/**
 * Parses an ISO 8601 time to whole Unix seconds (fractions are cut off: Firmafon compares at second precision).
 * With no offset the time is read as Copenhagen wall-clock time, as Rails' `Time.zone.parse` would. Returns null
 * for anything else — including `…12 01:00`, which is what an unencoded `+01:00` becomes in a query string.
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
    utcMs = instantOf(year, month, day, hour, minute, second);
  } else if (zone === 'Z' || zone === 'z') {
    utcMs = Date.UTC(year, month - 1, day, hour, minute, second);
  } else {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const offsetHours = Number(digits.slice(0, 2));
    const offsetMins = digits.length > 2 ? Number(digits.slice(2)) : 0;
    if (offsetHours > 23 || offsetMins > 59) return null;
    utcMs = Date.UTC(year, month - 1, day, hour, minute, second) - sign * (offsetHours * HOUR + offsetMins * MINUTE);
  }
  return Math.floor(utcMs / 1000);
}
