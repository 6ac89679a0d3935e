import { describe, expect, it } from 'vitest';
import type { CallNode } from '@common/call-schemas.ts';
import { filtersFromSearchParams } from '@/shared/model/call-filters.ts';
import { makeCall, makeCallNode as node } from '@/shared/testing/make-call.ts';
import { callerOf, callsRingingMe, nextNotices, type NoticeMemory } from './incoming-call.ts';

const mine = (callUuid: string, overrides: Partial<CallNode> = {}) => node({ call_uuid: callUuid, node_type: 'employee', endpoint: 'Employee#1', state: 'new', ...overrides });

describe('what counts as ringing me', () => {
  it('is a call with an open node of mine that nobody has answered', () => {
    const nodes = [node({ call_uuid: 'a' }), mine('a'), node({ call_uuid: 'b', endpoint: 'Reception#2' }), mine('b', { endpoint: 'Employee#2' })];
    expect(callsRingingMe(nodes, 'Employee#1')).toEqual([{ callUuid: 'a', entry: 'Reception#1' }]);
  });

  it('is not a call waiting in a queue, one I answered, one a colleague answered, or a node of mine that ended', () => {
    const nodes = [
      node({ call_uuid: 'queued' }),
      node({ call_uuid: 'answered-by-me' }),
      mine('answered-by-me', { state: 'answered', answered_at: '2026-11-30T10:00:04+01:00' }),
      node({ call_uuid: 'answered-by-other' }),
      mine('answered-by-other'),
      mine('answered-by-other', { endpoint: 'Employee#2', state: 'answered', answered_at: '2026-11-30T10:00:04+01:00' }),
      node({ call_uuid: 'hung-up' }),
      mine('hung-up', { state: 'hungup', ended_at: '2026-11-30T10:00:04+01:00' }),
      node({ call_uuid: 'hung-up' }),
    ];
    expect(callsRingingMe(nodes, 'Employee#1')).toEqual([]);
  });

  it('is not another employee whose id starts with mine', () => {
    expect(callsRingingMe([node({ call_uuid: 'a' }), mine('a', { endpoint: 'Employee#12' })], 'Employee#1')).toEqual([]);
  });
});

describe('the never-repeat rule', () => {
  const step = (memory: NoticeMemory, ringing: string[], live: string[]) => nextNotices(memory, ringing, live);

  it('shows a call while it rings me and tells of it as new once', () => {
    const first = step(new Map(), ['a'], ['a']);
    expect(first).toMatchObject({ showing: ['a'], fresh: ['a'] });
    const second = step(first.memory, ['a'], ['a']);
    expect(second).toMatchObject({ showing: ['a'], fresh: [] });
  });

  it('does not show a call again that stopped ringing me and rings me once more', () => {
    const ringing = step(new Map(), ['a'], ['a']);
    const answeredElsewhere = step(ringing.memory, [], ['a']);
    expect(answeredElsewhere.showing).toEqual([]);
    const again = step(answeredElsewhere.memory, ['a'], ['a']);
    expect(again).toMatchObject({ showing: [], fresh: [] });
  });

  it('forgets a call only once it has ended, so the memory is bounded by the calls in progress', () => {
    let memory: NoticeMemory = new Map();
    for (let i = 0; i < 1000; i += 1) {
      const uuid = `call-${i}`;
      memory = step(memory, [uuid], [uuid, 'long-call']).memory;
      memory = step(memory, [], ['long-call']).memory;
    }
    expect([...memory.keys()]).toEqual([]);
    const during = step(memory, ['x', 'y'], ['x', 'y', 'z']);
    expect(during.memory.size).toBe(2);
    expect(during.fresh).toEqual(['x', 'y']);
  });

  it('counts a call ringing me as in progress even if the list of calls in progress lags behind', () => {
    const first = step(new Map(), ['a'], []);
    expect(first.memory.get('a')).toBe('showing');
  });
});

describe('who is calling', () => {
  it("names the contact, formats the number, names the reception and links to that number's calls", () => {
    const caller = callerOf(makeCall({ from_number: '4512345678', from_contact: { id: 1, number: '4512345678', name: 'Anna Berg', email: null }, endpoint_name: 'Support' }));
    expect(caller).toMatchObject({ name: 'Anna Berg', number: '+45 12 34 56 78', reception: 'Support' });
    expect(caller.historyHref).toBe('/calls?number=4512345678');
    expect(filtersFromSearchParams(new URL(caller.historyHref ?? '', 'http://x').searchParams)).toEqual({ number: '4512345678' });
  });

  it('has no number and no history link for a hidden number', () => {
    const caller = callerOf(makeCall({ from_number: null, from_number_hidden: true, endpoint_name: null }));
    expect(caller).toEqual({ name: null, number: null, historyHref: null, reception: null });
  });
});
