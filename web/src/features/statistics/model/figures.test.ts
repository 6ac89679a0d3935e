import { describe, expect, it } from 'vitest';
import type { Call } from '@common/call-schemas.ts';
import { makeCall } from '@/shared/testing/make-call.ts';
import { computeDayOverview } from '@/shared/model/call-overview.ts';
import { answerSeconds, computeStatistics, median, percentile } from './figures.ts';

const DAYS = ['2026-11-28', '2026-11-29'];
const node = (endpoint: string, nodeType: string, answered: boolean) => ({
  node_uuid: null,
  call_uuid: null,
  endpoint,
  endpoint_name: null,
  started_at: null,
  answered_at: answered ? '2026-11-29T10:00:05Z' : null,
  ended_at: null,
  state: answered ? 'answered' : 'missed',
  node_type: nodeType,
});

/** Incoming, answered after `wait` seconds by employee `by`, started at `at`. */
function answered(at: string, wait: number, by = 1, extra: Partial<Call> = {}): Call {
  const start = Date.parse(at);
  return makeCall({
    started_at: at,
    answered_at: new Date(start + wait * 1000).toISOString(),
    ended_at: new Date(start + (wait + 60) * 1000).toISOString(),
    answered_by: { id: by, name: `Employee ${by}`, number: null },
    nodes: [node(`Employee#${by}`, 'employee', true)],
    ...extra,
  });
}

function missed(at: string, status = 'missed', extra: Partial<Call> = {}): Call {
  return makeCall({ started_at: at, answered_at: null, ended_at: at, answered_by: null, status, talk_duration: 0, ...extra });
}

describe('computeStatistics', () => {
  const calls = [
    answered('2026-11-29T09:00:00Z', 5),
    answered('2026-11-29T09:10:00Z', 30, 2),
    missed('2026-11-29T06:00:00Z'),
    missed('2026-11-29T06:30:00Z', 'voicemail'),
    missed('2026-11-28T12:00:00Z', 'orphaned', { endpoint: 'Reception#2', endpoint_name: 'Support' }),
    makeCall({ direction: 'outgoing', status: 'missed', answered_by: null }),
    makeCall({ status: 'ringing', answered_at: null, answered_by: null, started_at: '2026-11-29T10:00:00Z' }),
  ];
  const stats = computeStatistics(calls, { days: DAYS, targetSeconds: 20 });

  it('counts incoming, answered and missed (missed + voicemail + orphaned) as the calls page does', () => {
    expect(stats.totals).toMatchObject({ incoming: 6, finished: 5, answered: 2, missed: 3 });
    expect(stats.totals.byStatus).toEqual({ missed: 1, voicemail: 1, orphaned: 1 });
    const overview = computeDayOverview(calls);
    expect(stats.totals.incoming).toBe(overview.incoming);
    expect(stats.totals.missed).toBe(overview.missed);
    expect(stats.totals.answerRate).toBe(overview.answeredRate);
    expect(stats.totals.answerRate).toBe(2 / 5);
  });

  it('splits by reception, one row each, rows adding up to the totals', () => {
    expect(stats.byReception.map((r) => [r.key, r.name, r.incoming, r.answered, r.missed])).toEqual([
      ['Reception#1', 'Hovednummer', 5, 2, 2],
      ['Reception#2', 'Support', 1, 0, 1],
    ]);
    expect(stats.byReception.reduce((n, r) => n + r.incoming, 0)).toBe(stats.totals.incoming);
  });

  it('counts calls per Copenhagen day, with empty days as zeros', () => {
    expect(stats.perDay).toEqual([
      { day: '2026-11-28', incoming: 1, answered: 0, missed: 1 },
      { day: '2026-11-29', incoming: 5, answered: 2, missed: 2 },
    ]);
  });

  it('puts missed calls in their Copenhagen weekday and hour', () => {
    // 2026-11-29 is a Sunday; 06:00Z is 07:00 in Copenhagen (winter time).
    expect(stats.missedHeat[6]![7]).toBe(2);
    // 2026-11-28 (Saturday) 12:00Z = 13:00.
    expect(stats.missedHeat[5]![13]).toBe(1);
    expect(stats.missedHeat.flat().reduce((a, b) => a + b, 0)).toBe(3);
  });

  it('measures time to answer: median, 90th percentile and the share within the target', () => {
    expect(stats.answerTimes).toMatchObject({ count: 2, medianSeconds: 17.5, p90Seconds: 30, withinTarget: 1 });
    expect(stats.answerTimes.withinTargetShare).toBe(1 / 5);
  });
});

describe('time to answer', () => {
  it('leaves out answered calls without answered_at, and calls answered before they started', () => {
    const calls = [
      answered('2026-11-29T09:00:00Z', 10),
      makeCall({ started_at: '2026-11-29T09:00:00Z', answered_at: null, status: 'answered' }),
      makeCall({ started_at: '2026-11-29T09:00:10Z', answered_at: '2026-11-29T09:00:00Z', status: 'answered' }),
    ];
    const stats = computeStatistics(calls, { days: DAYS, targetSeconds: 20 });
    expect(stats.totals.answered).toBe(3);
    expect(stats.answerTimes.count).toBe(1);
    expect(stats.answerTimes.medianSeconds).toBe(10);
  });

  it('handles ties: equal times, an even count, the percentile by nearest rank', () => {
    expect(median([3, 3, 3, 9])).toBe(3);
    expect(median([1, 2, 3, 4])).toBe(2.5);
    expect(median([])).toBeNull();
    const ten = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(percentile(ten, 0.9)).toBe(9);
    expect(percentile([5, 5, 5, 5, 7, 7, 7, 7, 7, 7, 7], 0.9)).toBe(7);
    expect(percentile([4], 0.9)).toBe(4);
  });

  it('counts a call answered exactly at the target as within it', () => {
    const stats = computeStatistics([answered('2026-11-29T09:00:00Z', 20), answered('2026-11-29T09:05:00Z', 21)], { days: DAYS, targetSeconds: 20 });
    expect(stats.answerTimes.withinTarget).toBe(1);
    expect(answerSeconds({ started_at: '2026-11-29T09:00:00Z', answered_at: '2026-11-29T09:00:20+00:00' })).toBe(20);
  });
});

describe('calls at midnight and across the DST change', () => {
  it('counts a call by the Copenhagen day and hour it started, even when it ends the next day', () => {
    // 22:59:59Z is 23:59:59 on 28 Nov in Copenhagen; 23:00:00Z is 00:00:00 on the 29th.
    const late = missed('2026-11-28T22:59:59Z', 'missed', { ended_at: '2026-11-28T23:05:00Z' });
    const early = missed('2026-11-28T23:00:00Z');
    const stats = computeStatistics([late, early], { days: DAYS, targetSeconds: 20 });
    expect(stats.perDay.map((d) => d.missed)).toEqual([1, 1]);
    expect(stats.missedHeat[5]![23]).toBe(1);
    expect(stats.missedHeat[6]![0]).toBe(1);
  });

  it('reads both 02:30s of the October change as Sunday 02:00–03:00, and a March call in summer time', () => {
    const days = ['2026-03-29', '2026-10-25'];
    const calls = [
      missed('2026-10-25T00:30:00Z'), // 02:30 summer time
      missed('2026-10-25T01:30:00Z'), // 02:30 winter time, an hour later
      missed('2026-03-29T01:30:00Z'), // 03:30 summer time (02:00–03:00 does not exist that day)
    ];
    const stats = computeStatistics(calls, { days, targetSeconds: 20 });
    expect(stats.missedHeat[6]![2]).toBe(2);
    expect(stats.missedHeat[6]![3]).toBe(1);
    expect(stats.perDay).toEqual([
      { day: '2026-03-29', incoming: 1, answered: 0, missed: 1 },
      { day: '2026-10-25', incoming: 2, answered: 0, missed: 2 },
    ]);
  });
});

describe('per employee', () => {
  it('counts the one who answered; a colleague rung on the same call gets neither answered nor missed', () => {
    const call = answered('2026-11-29T09:00:00Z', 12, 1, {
      nodes: [node('Employee#2', 'employee', false), node('Employee#1', 'employee', true)],
      talk_duration: 100,
    });
    const stats = computeStatistics([call], { days: DAYS, targetSeconds: 20, names: new Map([['Employee#2', 'Lars']]) });
    expect(stats.byEmployee.map((r) => [r.key, r.name, r.incoming, r.answered, r.missed, r.talkTotal])).toEqual([
      ['Employee#1', 'Employee 1', 1, 1, 0, 100],
      ['Employee#2', 'Lars', 1, 0, 0, 0],
    ]);
    expect(stats.byEmployee[1]!.answerRate).toBe(0);
  });

  it('counts a transferred call for the one who answered it, not the transfer target', () => {
    const call = answered('2026-11-29T09:00:00Z', 12, 1, {
      nodes: [node('Employee#1', 'employee', true), node('Employee#3', 'attended_transfer', true)],
      talk_duration: 300,
    });
    const stats = computeStatistics([call], { days: DAYS, targetSeconds: 20 });
    expect(stats.byEmployee.map((r) => [r.key, r.answered, r.talkTotal, r.talkAverage])).toEqual([['Employee#1', 1, 300, 300]]);
  });

  it('counts a missed call for everyone it rang', () => {
    const call = missed('2026-11-29T09:00:00Z', 'voicemail', { nodes: [node('Employee#1', 'employee', false), node('Employee#2', 'employee', false)] });
    const stats = computeStatistics([call], { days: DAYS, targetSeconds: 20 });
    expect(stats.byEmployee.map((r) => [r.key, r.incoming, r.missed, r.answerRate])).toEqual([
      ['Employee#1', 1, 1, 0],
      ['Employee#2', 1, 1, 0],
    ]);
  });
});

describe('missed and not called back', () => {
  it('uses the call log rule: a later call to the number clears it', () => {
    const first = missed('2026-11-29T08:00:00Z', 'missed', { from_number: '4511111111' });
    const second = missed('2026-11-29T08:05:00Z', 'missed', { from_number: '4522222222' });
    const callBack = makeCall({ direction: 'outgoing', from_number: '4571999999', to_number: '4511111111', started_at: '2026-11-29T09:00:00Z' });
    const stats = computeStatistics([first, second, callBack], { days: DAYS, targetSeconds: 20 });
    expect(stats.notCalledBack.map((entry) => entry.call.from_number)).toEqual(['4522222222']);
  });
});
