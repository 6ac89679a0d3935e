/**
 * Call filters as they live in the URL (shareable, survive reload, back/forward) and as Firmafon's
 * `GET /calls` parameters. The URL is user input: every value is checked and anything unknown is dropped.
 */
import type { CallsQuery } from '@common/call-schemas.ts';
import { normalizePhoneNumber } from '@common/phone.ts';
import { dayEndIso, dayStartIso, isDateKey, type DateKey } from '@common/copenhagen-time.ts';

export const FILTER_DIRECTIONS = ['incoming', 'outgoing'] as const;
export type DirectionFilter = (typeof FILTER_DIRECTIONS)[number];

/** What Firmafon can filter on; `orphaned` is its own value, not folded into `missed`. */
export const FILTER_STATUSES = ['answered', 'missed', 'voicemail', 'orphaned'] as const;
export type StatusFilter = (typeof FILTER_STATUSES)[number];

export interface CallFilters {
  direction?: DirectionFilter;
  status?: StatusFilter;
  /** Firmafon's form: digits with country code, e.g. `4512345678`. */
  number?: string;
  /** `Reception#1`, `Employee#22`. */
  endpoint?: string;
  /** First day, inclusive, in Copenhagen. */
  from?: DateKey;
  /** Last day, inclusive, in Copenhagen. */
  to?: DateKey;
}

/** Search parameter names, in the order they are written to the URL. */
export const FILTER_PARAM_NAMES = ['direction', 'status', 'number', 'endpoint', 'from', 'to'] as const;

const ENDPOINT_PATTERN = /^[A-Za-z][A-Za-z_]*#[A-Za-z0-9_-]{1,64}$/;

export function isEndpoint(value: string): boolean {
  return ENDPOINT_PATTERN.test(value);
}

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : undefined;
}

/** Reads filters from the URL; values that are not valid are ignored (never sent to Firmafon). */
export function filtersFromSearchParams(search: URLSearchParams): CallFilters {
  const filters: CallFilters = {};
  const direction = oneOf(FILTER_DIRECTIONS, search.get('direction'));
  if (direction) filters.direction = direction;
  const status = oneOf(FILTER_STATUSES, search.get('status'));
  if (status) filters.status = status;
  const numberParam = search.get('number');
  const number = numberParam ? normalizePhoneNumber(numberParam) : null;
  if (number) filters.number = number;
  const endpoint = search.get('endpoint');
  if (endpoint && isEndpoint(endpoint)) filters.endpoint = endpoint;
  const from = search.get('from');
  if (from && isDateKey(from)) filters.from = from;
  const to = search.get('to');
  if (to && isDateKey(to)) filters.to = to;
  return filters;
}

/** Writes filters to search parameters; the inverse of {@link filtersFromSearchParams} for valid filters. */
export function filtersToSearchParams(filters: CallFilters): URLSearchParams {
  const search = new URLSearchParams();
  for (const name of FILTER_PARAM_NAMES) {
    const value = filters[name];
    if (value) search.set(name, value);
  }
  return search;
}

export function hasActiveFilters(filters: CallFilters): boolean {
  return FILTER_PARAM_NAMES.some((name) => Boolean(filters[name]));
}

/** Firmafon `GET /calls` parameters for the filters (without `limit` and the paging cursor). */
export function filtersToCallsQuery(filters: CallFilters): CallsQuery {
  const query: CallsQuery = {};
  if (filters.direction) query.direction = filters.direction;
  if (filters.status) query.status = filters.status;
  if (filters.number) query.number = filters.number;
  if (filters.endpoint) query.endpoint = filters.endpoint;
  if (filters.from) query.started_at_gt_or_eq = dayStartIso(filters.from);
  if (filters.to) query.started_at_lt_or_eq = dayEndIso(filters.to);
  return query;
}

/** What the filter form holds while a person edits it (raw text, not yet checked). */
export interface FilterFormValues {
  direction: string;
  status: string;
  number: string;
  endpoint: string;
  from: string;
  to: string;
}

export type FilterFormError = 'invalidNumber' | 'invalidFrom' | 'invalidTo' | 'fromAfterTo';

export function formValuesFromFilters(filters: CallFilters): FilterFormValues {
  return {
    direction: filters.direction ?? '',
    status: filters.status ?? '',
    number: filters.number ?? '',
    endpoint: filters.endpoint ?? '',
    from: filters.from ?? '',
    to: filters.to ?? '',
  };
}

/**
 * Checks the form. An invalid number or date is reported and nothing is applied, so a person never sees
 * results for a filter they did not mean.
 */
export function parseFilterForm(
  values: FilterFormValues,
): { ok: true; filters: CallFilters } | { ok: false; errors: Partial<Record<keyof FilterFormValues, FilterFormError>> } {
  const errors: Partial<Record<keyof FilterFormValues, FilterFormError>> = {};
  const filters: CallFilters = {};
  const direction = oneOf(FILTER_DIRECTIONS, values.direction);
  if (direction) filters.direction = direction;
  const status = oneOf(FILTER_STATUSES, values.status);
  if (status) filters.status = status;
  if (values.number.trim()) {
    const number = normalizePhoneNumber(values.number);
    if (number) filters.number = number;
    else errors.number = 'invalidNumber';
  }
  if (values.endpoint && isEndpoint(values.endpoint)) filters.endpoint = values.endpoint;
  if (values.from) {
    if (isDateKey(values.from)) filters.from = values.from;
    else errors.from = 'invalidFrom';
  }
  if (values.to) {
    if (isDateKey(values.to)) filters.to = values.to;
    else errors.to = 'invalidTo';
  }
  if (filters.from && filters.to && filters.from > filters.to) errors.to = 'fromAfterTo';
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, filters };
}
