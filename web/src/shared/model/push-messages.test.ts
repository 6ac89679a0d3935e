import { describe, expect, it } from 'vitest';
import { makeCall, makeCallNode } from '../testing/make-call.ts';
import { channelsFor, employeeIdOf, openNodesOf, PushMessageError, readPushMessage } from './push-messages.ts';

describe('channelsFor', () => {
  it("names the person's company's calls and presence and their own calls, from their own record only", () => {
    expect(channelsFor({ id: 7, company_id: 1 })).toEqual([
      { name: '/call2/company/1', kind: 'call' },
      { name: '/call2/employee/7', kind: 'call' },
      { name: '/presence/company/1', kind: 'presence' },
    ]);
    expect(channelsFor({ id: '7', company_id: '12' }).map((c) => c.name)).toEqual(['/call2/company/12', '/call2/employee/7', '/presence/company/12']);
  });

  it('subscribes to nothing without a company (never a guessed one)', () => {
    expect(channelsFor({ id: 7, company_id: null })).toEqual([]);
    expect(channelsFor({ id: 7, company_id: '' })).toEqual([]);
  });

  it('keeps an odd id inside its channel segment', () => {
    expect(channelsFor({ id: '7/../*', company_id: 1 })[1]?.name).toBe('/call2/employee/7%2F..%2F*');
  });
});

describe('readPushMessage', () => {
  const call = { ...makeCall({ call_uuid: 'c1' }), from_number_hidden: 'true', company_id: '1' };

  it('reads a call wrapped in data, or bare, with the string flags Firmafon pushes', () => {
    expect(readPushMessage('call', { data: call })).toEqual({ kind: 'call', call: expect.objectContaining({ call_uuid: 'c1', from_number_hidden: true, company_id: '1' }) });
    expect(readPushMessage('call', call)).toEqual({ kind: 'call', call: expect.objectContaining({ call_uuid: 'c1' }) });
  });

  it('reads a presence, with or without the optional fields', () => {
    expect(readPushMessage('presence', { endpoint: 'EmployeeGroup#3', live_presence: 'available' })).toEqual({
      kind: 'presence',
      presence: { endpoint: 'EmployeeGroup#3', live_presence: 'available', busy_since: null, do_not_disturb: null, dnd_timeout_at: null },
    });
  });

  it.each([
    ['call', null, 'the message is not as expected'],
    ['call', { data: { ...call, call_uuid: '' } }, 'call_uuid is not as expected'],
    ['call', { data: { ...call, from_number_hidden: 'maybe' } }, 'from_number_hidden is not as expected'],
    ['presence', { endpoint: 'Employee#1 ', live_presence: 'busy' }, 'endpoint is not as expected'],
    ['presence', { endpoint: 'Employee#1', live_presence: 5 }, 'live_presence is not as expected'],
  ] as const)('refuses a %s message %j, naming the field only', (kind, message, text) => {
    expect(() => readPushMessage(kind, message)).toThrow(PushMessageError);
    expect(() => readPushMessage(kind, message)).toThrow(text);
  });
});

describe('openNodesOf', () => {
  const node = (uuid: string, ended: string | null) => makeCallNode({ node_uuid: uuid, call_uuid: null, endpoint: 'Employee#1', ended_at: ended, state: ended ? 'hungup' : 'open', node_type: 'employee' });

  it("keeps a call's open nodes, with the call's uuid where a node lacks it", () => {
    const call = makeCall({ call_uuid: 'c1', ended_at: null, nodes: [node('a', null), node('b', '2026-11-30T09:01:00.000Z')] });
    expect(openNodesOf(call)).toEqual([{ ...node('a', null), call_uuid: 'c1' }]);
  });

  it('keeps none of an ended call', () => {
    expect(openNodesOf(makeCall({ call_uuid: 'c1', ended_at: '2026-11-30T09:02:00.000Z', nodes: [node('a', null)] }))).toEqual([]);
  });
});

describe('employeeIdOf', () => {
  it('answers the id of a person, not of a group', () => {
    expect(employeeIdOf('Employee#12')).toBe('12');
    expect(employeeIdOf('EmployeeGroup#12')).toBeNull();
  });
});
