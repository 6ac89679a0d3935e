import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { CallNode } from '@common/call-schemas.ts';
import { makeCall, makeCallNode } from '../testing/make-call.ts';
import { applyLiveCallEvent, LIVE_CALLS_POLL_MS, LIVE_CALLS_PUSHED_POLL_MS, liveCallQueries, liveCallsPollMs, withPushedCall } from './live-calls.ts';

const node = (callUuid: string, uuid: string, fields: Partial<CallNode> = {}): CallNode =>
  makeCallNode({ node_uuid: uuid, call_uuid: callUuid, started_at: '2026-11-30T09:00:00.000Z', ...fields });

describe('a pushed call in calls in progress', () => {
  const before = { nodes: [node('a', 'a1'), node('b', 'b1')], skewMs: 0 };

  it("replaces the call's nodes with its open ones, leaving other calls as they were", () => {
    const call = makeCall({ call_uuid: 'a', ended_at: null, nodes: [node('a', 'a1', { ended_at: '2026-11-30T09:00:10.000Z' }), node('a', 'a2', { endpoint: 'Employee#4', node_type: 'employee' })] });
    const after = withPushedCall(before, call, Date.parse('2026-11-30T09:00:20.000Z'));
    expect(after.nodes.map((n) => n.node_uuid)).toEqual(['b1', 'a2']);
  });

  it('adds a call that was not there, and removes one that has ended', () => {
    const rings = withPushedCall(before, makeCall({ call_uuid: 'c', ended_at: null, nodes: [node('c', 'c1')] }), Date.parse('2026-11-30T09:05:00.000Z'));
    expect(rings.nodes.map((n) => n.call_uuid)).toEqual(['a', 'b', 'c']);
    const ended = withPushedCall(rings, makeCall({ call_uuid: 'a', ended_at: '2026-11-30T09:06:00.000Z', nodes: [node('a', 'a1')] }), Date.parse('2026-11-30T09:06:00.000Z'));
    expect(ended.nodes.map((n) => n.call_uuid)).toEqual(['b', 'c']);
  });

  it("learns that the browser's clock is behind from a pushed start later than its now", () => {
    const call = makeCall({ call_uuid: 'c', ended_at: null, nodes: [node('c', 'c1', { started_at: '2026-11-30T09:00:05.000Z' })] });
    expect(withPushedCall(before, call, Date.parse('2026-11-30T09:00:00.000Z')).skewMs).toBe(5_000);
  });

  it('writes into the cache only once calls in progress were loaded', () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const { queryKey } = liveCallQueries.nodes();
    const call = makeCall({ call_uuid: 'c', ended_at: null, nodes: [node('c', 'c1')] });
    applyLiveCallEvent(client, { kind: 'call', call });
    expect(client.getQueryData(queryKey)).toBeUndefined();
    client.setQueryData(queryKey, before);
    applyLiveCallEvent(client, { kind: 'call', call });
    expect(client.getQueryData(queryKey)?.nodes.map((n) => n.call_uuid)).toEqual(['a', 'b', 'c']);
  });

  it('polls often without push and rarely with it', () => {
    expect(liveCallsPollMs('live')).toBe(LIVE_CALLS_PUSHED_POLL_MS);
    expect(['off', 'connecting', 'down'].map((s) => liveCallsPollMs(s as 'off'))).toEqual([LIVE_CALLS_POLL_MS, LIVE_CALLS_POLL_MS, LIVE_CALLS_POLL_MS]);
  });
});
