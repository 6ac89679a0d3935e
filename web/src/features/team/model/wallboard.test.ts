import { describe, expect, it } from 'vitest';
import { computeDayOverview, findNotCalledBack } from '@/shared/model/call-overview.ts';
import { makeCall, makeCallNode as node } from '@/shared/testing/make-call.ts';
import { availableNames, dayFigures, waitingFigures } from './wallboard.ts';

describe('the wallboard figures', () => {
  it("count today's answered share and missed-not-called-back exactly as the calls page's overview does", () => {
    const calls = [
      makeCall({ call_uuid: 'a', status: 'answered', started_at: '2026-11-30T09:00:00+01:00' }),
      makeCall({ call_uuid: 'b', status: 'missed', answered_at: null, answered_by: null, from_number: '4511111111', started_at: '2026-11-30T09:10:00+01:00' }),
      makeCall({ call_uuid: 'c', status: 'voicemail', answered_at: null, answered_by: null, from_number: '4522222222', started_at: '2026-11-30T09:20:00+01:00' }),
      // The second caller was called back: no longer counted.
      makeCall({ call_uuid: 'd', direction: 'outgoing', from_number: '4571999917', to_number: '4522222222', started_at: '2026-11-30T09:30:00+01:00' }),
      // Still ringing: not in the answered share's denominator.
      makeCall({ call_uuid: 'e', status: 'ringing', answered_at: null, ended_at: null, answered_by: null, started_at: '2026-11-30T09:40:00+01:00' }),
    ];
    const figures = dayFigures(calls);
    expect(figures).toEqual({ answeredRate: computeDayOverview(calls).answeredRate, notCalledBack: findNotCalledBack(calls).length });
    expect(figures).toEqual({ answeredRate: 1 / 3, notCalledBack: 1 });
  });

  it('has no answered share before the first finished incoming call', () => {
    expect(dayFigures([])).toEqual({ answeredRate: null, notCalledBack: 0 });
  });

  it('counts calls in a queue or ringing as waiting, the oldest first, and not those being talked on', () => {
    const nodes = [
      node({ call_uuid: 'q', started_at: '2026-11-30T10:00:10+01:00' }),
      node({ call_uuid: 'r', started_at: '2026-11-30T10:00:05+01:00' }),
      node({ call_uuid: 'r', node_type: 'employee', endpoint: 'Employee#1', state: 'new', started_at: '2026-11-30T10:00:05+01:00' }),
      node({ call_uuid: 't', started_at: '2026-11-30T09:00:00+01:00', state: 'answered' }),
      node({ call_uuid: 't', node_type: 'employee', endpoint: 'Employee#2', state: 'answered', answered_at: '2026-11-30T09:00:09+01:00' }),
    ];
    expect(waitingFigures(nodes)).toEqual({ count: 2, oldestStart: Date.parse('2026-11-30T10:00:05+01:00') });
    expect(waitingFigures([])).toEqual({ count: 0, oldestStart: null });
  });

  it('names the available people in Danish order, leaving out do-not-disturb, busy and unknown', () => {
    const members = [
      { name: 'Øjvind', live_presence: 'available', do_not_disturb: false },
      { name: 'Anna', live_presence: 'available', do_not_disturb: false },
      { name: 'Bo', live_presence: 'available', do_not_disturb: true },
      { name: 'Carl', live_presence: 'busy', do_not_disturb: false },
      { name: 'Dorte', live_presence: 'hiding', do_not_disturb: false },
      { name: 'Zenia', live_presence: 'available', do_not_disturb: null },
    ];
    expect(availableNames(members)).toEqual(['Anna', 'Zenia', 'Øjvind']);
  });
});
