import { describe, expect, it } from 'vitest';
import { makeCall } from '@/shared/testing/make-call.ts';
import { computeDayOverview, findNotCalledBack } from './call-overview.ts';

const at = (minute: number) => `2026-11-29T${String(8 + Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00Z`;
const missed = { status: 'missed', answered_at: null, answered_by: null } as const;

describe('findNotCalledBack', () => {
  it('lists a missed incoming call nobody returned', () => {
    const call = makeCall({ ...missed, from_number: '4511111111', started_at: at(1) });
    expect(findNotCalledBack([call])).toEqual([{ call, attempts: 1 }]);
  });

  it('drops a number that was called back later', () => {
    const call = makeCall({ ...missed, from_number: '4511111111', started_at: at(1) });
    const back = makeCall({ direction: 'outgoing', from_number: '4571999917', to_number: '4511111111', started_at: at(5) });
    expect(findNotCalledBack([back, call])).toEqual([]);
  });

  it('drops a number that called again and got through', () => {
    const call = makeCall({ ...missed, from_number: '4511111111', started_at: at(1) });
    const again = makeCall({ from_number: '4511111111', started_at: at(3) });
    expect(findNotCalledBack([call, again])).toEqual([]);
  });

  it('keeps a number whose only contact came before the missed call, and counts repeated attempts', () => {
    const earlier = makeCall({ direction: 'outgoing', from_number: '4571999917', to_number: '4511111111', started_at: at(0) });
    const first = makeCall({ ...missed, from_number: '4511111111', started_at: at(2) });
    const second = makeCall({ ...missed, status: 'voicemail', from_number: '+45 11 11 11 11', started_at: at(4) });
    expect(findNotCalledBack([earlier, first, second])).toEqual([{ call: second, attempts: 2 }]);
  });

  it('counts voicemail and orphaned as missed', () => {
    const v = makeCall({ ...missed, status: 'voicemail', from_number: '4511111111', started_at: at(1) });
    const o = makeCall({ ...missed, status: 'orphaned', from_number: '4522222222', started_at: at(2) });
    expect(findNotCalledBack([v, o]).map((entry) => entry.call)).toEqual([o, v]);
  });

  it('leaves out hidden numbers, answered calls and outgoing calls', () => {
    const hidden = makeCall({ ...missed, from_number: '4511111111', from_number_hidden: true, started_at: at(1) });
    const anonymous = makeCall({ ...missed, from_number: null, started_at: at(2) });
    const answered = makeCall({ from_number: '4533333333', started_at: at(3) });
    const outgoingMissed = makeCall({ ...missed, direction: 'outgoing', from_number: '4571999917', to_number: '4544444444', started_at: at(4) });
    expect(findNotCalledBack([hidden, anonymous, answered, outgoingMissed])).toEqual([]);
  });

  it('is not fooled by the company number that all incoming calls share', () => {
    const a = makeCall({ ...missed, from_number: '4511111111', to_number: '4570000000', started_at: at(1) });
    const b = makeCall({ from_number: '4522222222', to_number: '4570000000', started_at: at(2) });
    expect(findNotCalledBack([a, b])).toEqual([{ call: a, attempts: 1 }]);
  });
});

describe('computeDayOverview', () => {
  it('counts directions, missed calls, answer rate and average talk time', () => {
    const calls = [
      makeCall({ talk_duration: 60 }),
      makeCall({ talk_duration: 120 }),
      makeCall({ ...missed }),
      makeCall({ ...missed, status: 'orphaned' }),
      makeCall({ status: 'ringing', answered_at: null }),
      makeCall({ direction: 'outgoing', talk_duration: 30 }),
    ];
    expect(computeDayOverview(calls)).toEqual({
      incoming: 5,
      outgoing: 1,
      missed: 2,
      answeredRate: 0.5,
      averageTalkSeconds: 70,
    });
  });

  it('has no rate or average on a quiet day', () => {
    expect(computeDayOverview([])).toEqual({ incoming: 0, outgoing: 0, missed: 0, answeredRate: null, averageTalkSeconds: null });
  });
});
