/**
 * How calls read for people: talk time, durations, times of day in Copenhagen, the two parties of a call.
 * Pure (Intl only), so it is unit-tested without a DOM. Names come from other people: callers render them
 * as React text, never as HTML.
 */
import type { Call } from '../../../../../common/firmafon-schemas.ts';
import { formatPhoneNumber } from '../../../../../common/phone.ts';
import { COPENHAGEN, dateKeyAt, nextDateKey, startOfDay } from './zoned-time.ts';

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

/**
 * Talk time in seconds: Firmafon's `talk_duration` when it sends one, else `ended_at − answered_at`.
 * Null for calls nobody answered (and for answered calls that are still going on).
 */
export function talkSeconds(call: Pick<Call, 'talk_duration' | 'answered_at' | 'ended_at'>): number | null {
  if (call.talk_duration !== null && (call.answered_at !== null || call.talk_duration > 0)) {
    return Math.max(0, call.talk_duration);
  }
  if (call.answered_at === null) return null;
  return secondsBetween(call.answered_at, call.ended_at);
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

function dateTimeFormatter(intlLocale: string, timeZone: string, withDate: boolean, seconds = false) {
  const key = `${intlLocale}|${timeZone}|${withDate}|${seconds}`;
  let formatter = dateTimeFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(intlLocale, {
      timeZone,
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
let lastDay: { nowMs: number; timeZone: string; start: number; end: number } | null = null;

function dayAround(nowMs: number, timeZone: string): { start: number; end: number } {
  if (lastDay?.nowMs !== nowMs || lastDay.timeZone !== timeZone) {
    const key = dateKeyAt(nowMs, timeZone);
    lastDay = { nowMs, timeZone, start: startOfDay(key, timeZone), end: startOfDay(nextDateKey(key), timeZone) };
  }
  return lastDay;
}

/** A call's start for the list: `14:03` today (in Copenhagen), `28 Nov 2026, 14:03` before. */
export function formatCallTime(iso: string, intlLocale: string, nowMs: number, timeZone: string = COPENHAGEN): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const day = dayAround(nowMs, timeZone);
  const today = ms >= day.start && ms < day.end;
  return dateTimeFormatter(intlLocale, timeZone, !today).format(ms);
}

/** Date and time with seconds, for details and tooltips. */
export function formatFullTime(iso: string, intlLocale: string, timeZone: string = COPENHAGEN): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return dateTimeFormatter(intlLocale, timeZone, true, true).format(ms);
}

/** Time of day with seconds, for the steps of one call. */
export function formatClockTime(iso: string, intlLocale: string, timeZone: string = COPENHAGEN): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return dateTimeFormatter(intlLocale, timeZone, false, true).format(ms);
}

/** One end of a call as people should read it. */
export interface Party {
  /** The contact's name, when the number belongs to a known contact. Untrusted text. */
  name: string | null;
  /** The number formatted for people (`+45 12 34 56 78`), or null when there is none or it is hidden. */
  number: string | null;
  /** The caller withheld the number (or Firmafon sent none). */
  hidden: boolean;
}

function cleanName(name: string | null | undefined): string | null {
  const trimmed = name?.trim();
  return trimmed ? trimmed : null;
}

export function partyOf(call: Call, side: 'from' | 'to'): Party {
  const contact = side === 'from' ? call.from_contact : call.to_contact;
  const raw = (side === 'from' ? call.from_number : call.to_number)?.trim() || null;
  const hidden = (side === 'from' && call.from_number_hidden === true) || raw === null;
  const name = cleanName(contact?.name);
  return { name, number: hidden || raw === null ? null : formatPhoneNumber(raw), hidden };
}

/** Statuses that mean nobody talked to the caller. */
export const MISSED_STATUSES: ReadonlySet<string> = new Set(['missed', 'voicemail', 'orphaned']);

export function isMissed(call: Pick<Call, 'status'>): boolean {
  return call.status !== null && MISSED_STATUSES.has(call.status);
}
