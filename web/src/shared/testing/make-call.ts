/** Test data: a valid call, or one node of a call's route, with sensible defaults; override what the test is about. */
import type { Call, CallNode } from '@common/call-schemas.ts';

let counter = 0;

export function makeCall(overrides: Partial<Call> = {}): Call {
  counter += 1;
  return {
    call_uuid: `call-${counter}`,
    company_id: 1,
    endpoint: 'Reception#1',
    endpoint_name: 'Hovednummer',
    from_number: '4512345678',
    to_number: '4571999999',
    from_contact: null,
    to_contact: null,
    direction: 'incoming',
    started_at: '2026-11-29T10:00:00Z',
    answered_at: '2026-11-29T10:00:05Z',
    ended_at: '2026-11-29T10:01:10Z',
    answered_by: { id: 1, name: 'Mette Jensen', number: '4571999917' },
    status: 'answered',
    nodes: [],
    talk_duration: null,
    from_number_hidden: null,
    ...overrides,
  };
}

/** A node still open: call `c1` waiting at Reception#1 since 10:00 in Copenhagen on 30 November 2026. */
export function makeCallNode(overrides: Partial<CallNode> = {}): CallNode {
  return {
    node_uuid: 'n',
    call_uuid: 'c1',
    endpoint: 'Reception#1',
    endpoint_name: null,
    started_at: '2026-11-30T10:00:00+01:00',
    answered_at: null,
    ended_at: null,
    state: 'open',
    node_type: 'phase',
    ...overrides,
  };
}
