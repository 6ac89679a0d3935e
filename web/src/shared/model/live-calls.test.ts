import { describe, expect, it } from 'vitest';
import type { CallNode } from '@common/call-schemas.ts';
import { makeCallNode } from '@/shared/testing/make-call.ts';
import { elapsedSeconds, liveCallsFrom, updateSkew, waitingSummary } from './live-calls.ts';

const node = (overrides: Partial<CallNode>): CallNode => makeCallNode({ started_at: '2026-11-30T10:00:00Z', ...overrides });
const T0 = Date.parse('2026-11-30T10:00:00Z');

describe('liveCallsFrom', () => {
  it('reads a call with only its reception node as waiting in the queue', () => {
    expect(liveCallsFrom([node({})])).toEqual([
      { callUuid: 'c1', state: 'waiting', entry: 'Reception#1', employees: [], startedAt: T0, stateSince: T0 },
    ]);
  });

  it('reads open employee nodes as ringing them, and an answered one as talking since the answer', () => {
    const ringing = liveCallsFrom([node({}), node({ endpoint: 'Employee#2', node_type: 'employee', state: 'new' }), node({ endpoint: 'Employee#3', node_type: 'employee' })]);
    expect(ringing[0]).toMatchObject({ state: 'ringing', employees: ['Employee#2', 'Employee#3'] });
    const talking = liveCallsFrom([
      node({ state: 'answered' }),
      node({ endpoint: 'Employee#2', node_type: 'employee', state: 'answered', answered_at: '2026-11-30T10:00:20Z' }),
      node({ endpoint: 'Employee#3', node_type: 'employee', state: 'hungup', ended_at: '2026-11-30T10:00:20Z' }),
    ]);
    expect(talking[0]).toMatchObject({ state: 'talking', employees: ['Employee#2'], stateSince: T0 + 20_000 });
  });

  it('leaves out ended calls and nodes without a call or a readable start, and sorts waiting before talking, oldest first', () => {
    const calls = liveCallsFrom([
      node({ call_uuid: 'talk', node_type: 'employee', endpoint: 'Employee#1', answered_at: '2026-11-30T10:00:01Z', started_at: '2026-11-30T09:00:00Z' }),
      node({ call_uuid: 'late', started_at: '2026-11-30T10:05:00Z' }),
      node({ call_uuid: 'early', started_at: '2026-11-30T10:01:00Z' }),
      node({ call_uuid: 'gone', ended_at: '2026-11-30T10:02:00Z', state: 'hungup' }),
      node({ call_uuid: null }),
      node({ call_uuid: 'nostart', started_at: null }),
    ]);
    expect(calls.map((c) => c.callUuid)).toEqual(['early', 'late', 'talk']);
  });
});

describe('waiting and elapsed time', () => {
  it('counts calls not yet answered and finds the longest wait', () => {
    const calls = liveCallsFrom([
      node({ call_uuid: 'a', started_at: '2026-11-30T10:03:00Z' }),
      node({ call_uuid: 'b', started_at: '2026-11-30T10:01:00Z', node_type: 'employee', endpoint: 'Employee#1' }),
      node({ call_uuid: 'c', started_at: '2026-11-30T09:00:00Z', node_type: 'employee', endpoint: 'Employee#2', state: 'answered' }),
    ]);
    expect(waitingSummary(calls)).toEqual({ count: 2, oldestStart: T0 + 60_000 });
    expect(waitingSummary([])).toEqual({ count: 0, oldestStart: null });
  });

  it('never shows a negative time when the browser clock is behind Firmafon', () => {
    expect(elapsedSeconds(T0, T0 - 30_000, 0)).toBe(0);
    expect(elapsedSeconds(T0, T0 + 65_500, 0)).toBe(65);
  });

  it('learns how far the browser is behind from a start time in its future, and corrects elapsed times by it', () => {
    const skew = updateSkew(0, T0, T0 - 30_000);
    expect(skew).toBe(30_000);
    expect(elapsedSeconds(T0, T0 - 30_000 + 10_000, skew)).toBe(10);
  });

  it('keeps the skew it knows when the evidence is weaker, and caps it at an hour', () => {
    expect(updateSkew(30_000, T0, T0)).toBe(30_000);
    expect(updateSkew(0, null, T0)).toBe(0);
    expect(updateSkew(0, T0 + 86_400_000, T0)).toBe(3_600_000);
  });
});
