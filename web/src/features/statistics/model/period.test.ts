import { describe, expect, it } from 'vitest';
import { callsPageLink, daysOf, paramsFromSearch, paramsToSearch, parsePeriodForm, presetOf, presetPeriod } from './period.ts';

// 2026-11-26 is a Thursday.
const TODAY = '2026-11-26';

describe('presets', () => {
  it('mean whole Copenhagen days, weeks from Monday', () => {
    expect(presetPeriod('today', TODAY)).toEqual({ from: TODAY, to: TODAY });
    expect(presetPeriod('yesterday', TODAY)).toEqual({ from: '2026-11-25', to: '2026-11-25' });
    expect(presetPeriod('thisWeek', TODAY)).toEqual({ from: '2026-11-23', to: TODAY });
    expect(presetPeriod('lastWeek', TODAY)).toEqual({ from: '2026-11-16', to: '2026-11-22' });
    expect(presetPeriod('thisMonth', TODAY)).toEqual({ from: '2026-11-01', to: TODAY });
    expect(presetPeriod('lastMonth', TODAY)).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(presetPeriod('last30Days', TODAY)).toEqual({ from: '2026-10-28', to: TODAY });
    expect(presetPeriod('lastWeek', '2026-11-30')).toEqual({ from: '2026-11-23', to: '2026-11-29' });
    expect(presetPeriod('lastMonth', '2026-01-15')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
  });

  it('are recognised from the dates', () => {
    expect(presetOf({ from: '2026-11-23', to: TODAY }, TODAY)).toBe('thisWeek');
    expect(presetOf({ from: '2026-11-20', to: TODAY }, TODAY)).toBeNull();
  });
});

describe('the URL', () => {
  it('round-trips from, to, target and endpoint', () => {
    const { params, correction } = paramsFromSearch(new URLSearchParams('from=2026-11-01&to=2026-11-07&target=30&endpoint=Reception%231'), TODAY);
    expect(correction).toBeNull();
    expect(params).toEqual({ from: '2026-11-01', to: '2026-11-07', targetSeconds: 30, endpoint: 'Reception#1' });
    expect(paramsToSearch(params).toString()).toBe('from=2026-11-01&to=2026-11-07&target=30&endpoint=Reception%231');
  });

  it('falls back to the last 30 days and a 20 s target, and ignores what is not valid', () => {
    const { params } = paramsFromSearch(new URLSearchParams('from=2026-02-30&target=-4&endpoint=<script>'), TODAY);
    expect(params).toEqual({ from: '2026-10-28', to: TODAY, targetSeconds: 20 });
  });

  it('swaps an end before the start, and says so', () => {
    const { params, correction } = paramsFromSearch(new URLSearchParams('from=2026-11-07&to=2026-11-01'), TODAY);
    expect(params).toMatchObject({ from: '2026-11-01', to: '2026-11-07' });
    expect(correction).toBe('swapped');
  });

  it('cuts a period longer than 366 days to its last 366', () => {
    const { params, correction } = paramsFromSearch(new URLSearchParams('from=2020-01-01&to=2026-11-26'), TODAY);
    expect(correction).toBe('shortened');
    expect(daysOf(params)).toHaveLength(366);
    expect(params.to).toBe('2026-11-26');
  });

  it('links to the calls page with the same period, narrowing and status', () => {
    const params = { from: '2026-11-01', to: '2026-11-07', targetSeconds: 20, endpoint: 'Employee#2' };
    expect(callsPageLink(params, { status: 'voicemail' })).toBe(
      '/calls?direction=incoming&status=voicemail&endpoint=Employee%232&from=2026-11-01&to=2026-11-07',
    );
  });
});

describe('the period form', () => {
  it('refuses an end before the start in words, not by guessing', () => {
    expect(parsePeriodForm({ from: '2026-11-07', to: '2026-11-01', target: '20' })).toEqual({ ok: false, errors: { to: 'toBeforeFrom' } });
  });

  it('refuses a target that is not a whole number of seconds from 1 to 600', () => {
    expect(parsePeriodForm({ from: '2026-11-01', to: '2026-11-01', target: '0' })).toMatchObject({ ok: false, errors: { target: 'invalidTarget' } });
    expect(parsePeriodForm({ from: '2026-11-01', to: '2026-11-01', target: '2.5' })).toMatchObject({ ok: false });
    expect(parsePeriodForm({ from: '2026-11-01', to: '2026-11-02', target: ' 45 ' })).toEqual({
      ok: true,
      period: { from: '2026-11-01', to: '2026-11-02' },
      targetSeconds: 45,
    });
  });
});
