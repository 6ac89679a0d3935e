/**
 * How numbers, durations and times read for people, in Danish and English: durations, percentages, and times of
 * day in Copenhagen (Firmafon's home, whatever the browser's own time zone). Pure (Intl only), so it is
 * unit-tested without a DOM. Day boundaries come from common/copenhagen-time.ts.
 */
import { dateKeyAt, nextDateKey, startOfDay } from '@common/copenhagen-time.ts';

const TIME_ZONE = 'Europe/Copenhagen';

export type UiLocale = 'da' | 'en';

const UNITS: Record<UiLocale, { s: string; min: string; h: string }> = {
  en: { s: 's', min: 'min', h: 'h' },
  da: { s: 'sek.', min: 'min.', h: 't.' },
};

/**
 * `5 s`, `1 min 05 s`, `1 h 02 min` (Danish: `5 sek.`, `1 min. 05 sek.`, `1 t. 02 min.`). Rounds to whole
 * seconds; negative or non-finite input (clock skew in the data) reads as 0 s.
 */
export function formatDuration(seconds: number, locale: UiLocale): string {
  const u = UNITS[locale];
  const total = Number.isFinite(seconds) ? Math.max(0, Math.round(seconds)) : 0;
  if (total < 60) return `${total} ${u.s}`;
  if (total < 3600) {
    const m = Math.floor(total / 60);
    return `${m} ${u.min} ${String(total % 60).padStart(2, '0')} ${u.s}`;
  }
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  return `${h} ${u.h} ${String(m).padStart(2, '0')} ${u.min}`;
}

/** Seconds between two timestamps, or null when either is missing or unreadable. */
export function secondsBetween(from: string | null | undefined, to: string | null | undefined): number | null {
  if (!from || !to) return null;
  const a = Date.parse(from);
  const b = Date.parse(to);
  if (Number.isNaN(a) || Number.isNaN(b)) return null;
  return Math.max(0, Math.round((b - a) / 1000));
}

const percentFormatters = new Map<string, Intl.NumberFormat>();

/** A share as a whole percentage: `67%` (Danish: `67 %`). */
export function formatPercent(ratio: number, intlLocale: string): string {
  let formatter = percentFormatters.get(intlLocale);
  if (!formatter) {
    formatter = new Intl.NumberFormat(intlLocale, { style: 'percent', maximumFractionDigits: 0 });
    percentFormatters.set(intlLocale, formatter);
  }
  return formatter.format(ratio);
}

const dateTimeFormatters = new Map<string, Intl.DateTimeFormat>();

function dateTimeFormatter(intlLocale: string, withDate: boolean, seconds = false) {
  const key = `${intlLocale}|${withDate}|${seconds}`;
  let formatter = dateTimeFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(intlLocale, {
      timeZone: TIME_ZONE,
      ...(withDate ? { day: 'numeric', month: 'short', year: 'numeric' } : {}),
      hour: '2-digit',
      minute: '2-digit',
      ...(seconds ? { second: '2-digit' } : {}),
    });
    dateTimeFormatters.set(key, formatter);
  }
  return formatter;
}

// The list formats a time per row and `now` changes once a minute: the day around `now` is worked out once,
// so that a row costs one comparison instead of two time-zone conversions.
let lastDay: { nowMs: number; start: number; end: number } | null = null;

function dayAround(nowMs: number): { start: number; end: number } {
  if (lastDay?.nowMs !== nowMs) {
    const key = dateKeyAt(nowMs);
    lastDay = { nowMs, start: startOfDay(key), end: startOfDay(nextDateKey(key)) };
  }
  return lastDay;
}

/** A call's start for the list: `14:03` today (in Copenhagen), `28 Nov 2026, 14:03` before. */
export function formatCallTime(iso: string, intlLocale: string, nowMs: number): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const day = dayAround(nowMs);
  const today = ms >= day.start && ms < day.end;
  return dateTimeFormatter(intlLocale, !today).format(ms);
}

/** Date and time with seconds, for details and tooltips. */
export function formatFullTime(iso: string, intlLocale: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return dateTimeFormatter(intlLocale, true, true).format(ms);
}

/** Time of day with seconds, for the steps of one call. */
export function formatClockTime(iso: string, intlLocale: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return dateTimeFormatter(intlLocale, false, true).format(ms);
}
