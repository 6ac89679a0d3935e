import { describe, expect, it } from 'vitest';
import {
  filtersFromSearchParams,
  filtersToCallsQuery,
  filtersToSearchParams,
  hasActiveFilters,
  parseFilterForm,
  formValuesFromFilters,
  type CallFilters,
} from './call-filters.ts';

describe('filters in the URL', () => {
  it('survive a round trip through search params', () => {
    const filters: CallFilters = {
      direction: 'incoming',
      status: 'orphaned',
      number: '4512345678',
      endpoint: 'Reception#12',
      from: '2026-11-01',
      to: '2026-11-29',
    };
    const search = filtersToSearchParams(filters);
    expect(search.toString()).toBe(
      'direction=incoming&status=orphaned&number=4512345678&endpoint=Reception%2312&from=2026-11-01&to=2026-11-29',
    );
    expect(filtersFromSearchParams(new URLSearchParams(search.toString()))).toEqual(filters);
  });

  it('are empty for an empty URL', () => {
    expect(filtersFromSearchParams(new URLSearchParams())).toEqual({});
    expect(filtersToSearchParams({}).toString()).toBe('');
    expect(hasActiveFilters({})).toBe(false);
    expect(hasActiveFilters({ status: 'missed' })).toBe(true);
  });

  it('ignore values that are not valid', () => {
    const search = new URLSearchParams(
      'direction=sideways&status=<b>&number=call-me&endpoint=javascript:alert(1)&from=2026-02-30&to=tomorrow&extra=1',
    );
    expect(filtersFromSearchParams(search)).toEqual({});
  });

  it('normalise a number typed into the URL', () => {
    expect(filtersFromSearchParams(new URLSearchParams('number=%2B45+12+34+56+78')).number).toBe('4512345678');
  });
});

describe('filtersToCallsQuery', () => {
  it('turns dates into whole Copenhagen days', () => {
    expect(filtersToCallsQuery({ from: '2026-07-01', to: '2026-11-29', direction: 'outgoing' })).toEqual({
      direction: 'outgoing',
      started_at_gt_or_eq: '2026-07-01T00:00:00+02:00',
      started_at_lt_or_eq: '2026-11-29T23:59:59+01:00',
    });
  });

  it('passes number, status and endpoint as they are', () => {
    expect(filtersToCallsQuery({ number: '4512345678', status: 'missed', endpoint: 'Employee#2' })).toEqual({
      number: '4512345678',
      status: 'missed',
      endpoint: 'Employee#2',
    });
  });
});

describe('parseFilterForm', () => {
  const empty = formValuesFromFilters({});

  it('accepts numbers in the forms people type', () => {
    for (const typed of ['+45 12 34 56 78', '12345678', '004512345678']) {
      expect(parseFilterForm({ ...empty, number: typed })).toEqual({ ok: true, filters: { number: '4512345678' } });
    }
  });

  it('reports an invalid number and applies nothing', () => {
    expect(parseFilterForm({ ...empty, number: 'abc', direction: 'incoming' })).toEqual({
      ok: false,
      errors: { number: 'invalidNumber' },
    });
  });

  it('reports a date range that ends before it starts', () => {
    expect(parseFilterForm({ ...empty, from: '2026-11-29', to: '2026-11-01' })).toEqual({
      ok: false,
      errors: { to: 'fromAfterTo' },
    });
  });

  it('treats empty selects as "all"', () => {
    expect(parseFilterForm(empty)).toEqual({ ok: true, filters: {} });
  });
});
