/**
 * The statistics page's period as it lives in the URL: `from` and `to` (inclusive Copenhagen dates, YYYY-MM-DD),
 * `target` (seconds to answer within) and `endpoint` (one reception, group or employee). The URL is user input:
 * invalid values are dropped, an end before the start is swapped and said so, a period longer than a year is cut.
 */
import { addDays, isDateKey, weekdayOf, type DateKey } from '@common/copenhagen-time.ts';
import { filtersToSearchParams, isEndpoint, type CallFilters } from '@/shared/model/call-filters.ts';

export const DEFAULT_TARGET_SECONDS = 20;
export const MAX_TARGET_SECONDS = 600;
/** Longest period, in days (366 windows at most). */
export const MAX_PERIOD_DAYS = 366;

export const PRESETS = ['today', 'yesterday', 'thisWeek', 'lastWeek', 'thisMonth', 'lastMonth', 'last30Days'] as const;
export type Preset = (typeof PRESETS)[number];
export const DEFAULT_PRESET: Preset = 'last30Days';

export interface Period {
  from: DateKey;
  to: DateKey;
}

export interface StatisticsParams extends Period {
  targetSeconds: number;
  endpoint?: string;
}

/** What was wrong with the URL's period and how it was corrected. */
export type PeriodCorrection = 'swapped' | 'shortened';

/** Monday of the week of `day` (weeks start on Monday in Denmark). */
function mondayOf(day: DateKey): DateKey {
  return addDays(day, -((weekdayOf(day) + 6) % 7));
}

function firstOfMonth(day: DateKey): DateKey {
  return `${day.slice(0, 8)}01`;
}

/** The inclusive dates a preset means on `today` (a Copenhagen date). */
export function presetPeriod(preset: Preset, today: DateKey): Period {
  switch (preset) {
    case 'today':
      return { from: today, to: today };
    case 'yesterday': {
      const day = addDays(today, -1);
      return { from: day, to: day };
    }
    case 'thisWeek':
      return { from: mondayOf(today), to: today };
    case 'lastWeek': {
      const monday = addDays(mondayOf(today), -7);
      return { from: monday, to: addDays(monday, 6) };
    }
    case 'thisMonth':
      return { from: firstOfMonth(today), to: today };
    case 'lastMonth': {
      const lastDay = addDays(firstOfMonth(today), -1);
      return { from: firstOfMonth(lastDay), to: lastDay };
    }
    case 'last30Days':
      return { from: addDays(today, -29), to: today };
  }
}

/** The preset that means exactly `period` today, if any. */
export function presetOf(period: Period, today: DateKey): Preset | null {
  return PRESETS.find((preset) => {
    const p = presetPeriod(preset, today);
    return p.from === period.from && p.to === period.to;
  }) ?? null;
}

/** Every date from `from` to `to`, inclusive. */
export function daysOf({ from, to }: Period): DateKey[] {
  const days: DateKey[] = [];
  for (let day = from; day <= to && days.length <= MAX_PERIOD_DAYS; day = addDays(day, 1)) days.push(day);
  return days;
}

function parseTarget(raw: string | null): number {
  if (raw === null || !/^\d{1,4}$/.test(raw)) return DEFAULT_TARGET_SECONDS;
  const value = Number(raw);
  return value >= 1 && value <= MAX_TARGET_SECONDS ? value : DEFAULT_TARGET_SECONDS;
}

/** Reads the URL. Missing dates fall back to the default preset (one missing date: a one-day period). */
export function paramsFromSearch(
  search: URLSearchParams,
  today: DateKey,
): { params: StatisticsParams; correction: PeriodCorrection | null } {
  const rawFrom = search.get('from');
  const rawTo = search.get('to');
  const fromOk = rawFrom !== null && isDateKey(rawFrom) ? rawFrom : null;
  const toOk = rawTo !== null && isDateKey(rawTo) ? rawTo : null;
  let period: Period;
  if (fromOk && toOk) period = { from: fromOk, to: toOk };
  else if (fromOk || toOk) period = { from: (fromOk ?? toOk)!, to: (toOk ?? fromOk)! };
  else period = presetPeriod(DEFAULT_PRESET, today);

  let correction: PeriodCorrection | null = null;
  if (period.from > period.to) {
    period = { from: period.to, to: period.from };
    correction = 'swapped';
  }
  if (daysOf(period).length > MAX_PERIOD_DAYS) {
    period = { from: addDays(period.to, -(MAX_PERIOD_DAYS - 1)), to: period.to };
    correction = 'shortened';
  }
  const params: StatisticsParams = { ...period, targetSeconds: parseTarget(search.get('target')) };
  const endpoint = search.get('endpoint');
  if (endpoint && isEndpoint(endpoint)) params.endpoint = endpoint;
  return { params, correction };
}

/** Writes the URL (the inverse of {@link paramsFromSearch} for valid params; the default target is left out). */
export function paramsToSearch(params: StatisticsParams): URLSearchParams {
  const search = new URLSearchParams({ from: params.from, to: params.to });
  if (params.targetSeconds !== DEFAULT_TARGET_SECONDS) search.set('target', String(params.targetSeconds));
  if (params.endpoint) search.set('endpoint', params.endpoint);
  return search;
}

/** The calls page showing the incoming calls of the period (narrowed like the statistics), plus `extra` filters. */
export function callsPageLink(params: StatisticsParams, extra: Pick<CallFilters, 'status' | 'number'> = {}): string {
  const filters: CallFilters = { direction: 'incoming', ...extra, from: params.from, to: params.to };
  if (params.endpoint) filters.endpoint = params.endpoint;
  return `/calls?${filtersToSearchParams(filters).toString()}`;
}

export type PeriodFormError = 'invalidFrom' | 'invalidTo' | 'toBeforeFrom' | 'tooLong' | 'invalidTarget';

/** Checks the period form; an end before the start is refused in words, not guessed. */
export function parsePeriodForm(values: { from: string; to: string; target: string }):
  | { ok: true; period: Period; targetSeconds: number }
  | { ok: false; errors: Partial<Record<'from' | 'to' | 'target', PeriodFormError>> } {
  const errors: Partial<Record<'from' | 'to' | 'target', PeriodFormError>> = {};
  if (!isDateKey(values.from)) errors.from = 'invalidFrom';
  if (!isDateKey(values.to)) errors.to = 'invalidTo';
  const target = values.target.trim();
  const targetSeconds = /^\d{1,4}$/.test(target) ? Number(target) : Number.NaN;
  if (!(targetSeconds >= 1 && targetSeconds <= MAX_TARGET_SECONDS)) errors.target = 'invalidTarget';
  if (!errors.from && !errors.to) {
    if (values.to < values.from) errors.to = 'toBeforeFrom';
    else if (daysOf({ from: values.from, to: values.to }).length > MAX_PERIOD_DAYS) errors.to = 'tooLong';
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, period: { from: values.from, to: values.to }, targetSeconds };
}
