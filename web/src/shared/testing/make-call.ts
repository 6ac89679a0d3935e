/** Test data: a valid call with sensible defaults; override what the test is about. */
import type { Call } from '@common/call-schemas.ts';

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
