/**
 * Calls in progress, read from the nodes of `GET /call_nodes/live`: which calls wait in a queue, which ring
 * someone, which are being talked on, and since when; how many wait and the longest wait. Pure.
 *
 * Firmafon's times come from its clock, "now" from the browser's. A browser clock that is behind would make a
 * call look as if it started in the future: {@link ClockSkew} learns how far behind the browser is from the newest
 * start time it has seen, and elapsed times never go below zero.
 */
import type { CallNode } from '@common/call-schemas.ts';

export type LiveCallState = 'waiting' | 'ringing' | 'talking';

export interface LiveCall {
  callUuid: string;
  state: LiveCallState;
  /** Where it came in (`Reception#1`), when a node says. */
  entry: string | null;
  /** Employees it rings now, or the one talking (`Employee#3`). */
  employees: string[];
  /** When the call started (ms, Firmafon's clock). */
  startedAt: number;
  /** When the current state began (ms): the start for waiting and ringing, the answer for talking. */
  stateSince: number;
}

const isOpen = (node: CallNode): boolean => node.ended_at === null && node.state !== 'hungup';
const ms = (iso: string | null): number | null => {
  if (iso === null) return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : t;
};

const ORDER: Record<LiveCallState, number> = { waiting: 0, ringing: 1, talking: 2 };

/** One entry per call with an open node; waiting first, then ringing, then talking, oldest first in each. */
export function liveCallsFrom(nodes: readonly CallNode[]): LiveCall[] {
  const byCall = new Map<string, CallNode[]>();
  for (const node of nodes) {
    if (!node.call_uuid || !isOpen(node)) continue;
    const list = byCall.get(node.call_uuid) ?? [];
    list.push(node);
    byCall.set(node.call_uuid, list);
  }
  const calls: LiveCall[] = [];
  for (const [callUuid, list] of byCall) {
    const starts = list.map((n) => ms(n.started_at)).filter((t): t is number => t !== null);
    if (starts.length === 0) continue;
    const startedAt = Math.min(...starts);
    const people = list.filter((n) => n.node_type === 'employee' && n.endpoint);
    const talking = people.find((n) => n.answered_at !== null || n.state === 'answered');
    const entry = list.find((n) => n.node_type !== 'employee' && n.endpoint)?.endpoint ?? null;
    if (talking) {
      calls.push({ callUuid, state: 'talking', entry, employees: [talking.endpoint ?? ''], startedAt, stateSince: ms(talking.answered_at) ?? startedAt });
    } else if (people.length > 0) {
      calls.push({ callUuid, state: 'ringing', entry, employees: people.map((n) => n.endpoint ?? ''), startedAt, stateSince: startedAt });
    } else {
      calls.push({ callUuid, state: 'waiting', entry, employees: [], startedAt, stateSince: startedAt });
    }
  }
  return calls.sort((a, b) => ORDER[a.state] - ORDER[b.state] || a.startedAt - b.startedAt);
}

/** Whole seconds from `since` (Firmafon's clock) to the browser's `nowMs`, corrected by `skewMs`; never negative. */
export function elapsedSeconds(since: number, nowMs: number, skewMs: number): number {
  return Math.max(0, Math.floor((nowMs + skewMs - since) / 1000));
}

export interface WaitingSummary {
  /** Calls not yet answered (in a queue or ringing). */
  count: number;
  /** When the longest-waiting call started (ms, Firmafon's clock), or null when none waits. */
  oldestStart: number | null;
}

export function waitingSummary(calls: readonly LiveCall[]): WaitingSummary {
  const waiting = calls.filter((c) => c.state !== 'talking');
  return { count: waiting.length, oldestStart: waiting.length === 0 ? null : Math.min(...waiting.map((c) => c.startedAt)) };
}

/**
 * How far the browser's clock is behind Firmafon's, learnt from start times: a call Firmafon says started later than
 * the browser's "now" proves the browser is at least that much behind. Only ever grows (by evidence), and is capped
 * at an hour so one absurd timestamp cannot distort every timer.
 */
export function updateSkew(currentSkewMs: number, latestStartMs: number | null, receivedAtMs: number): number {
  if (latestStartMs === null) return currentSkewMs;
  const ahead = latestStartMs - receivedAtMs;
  return Math.min(Math.max(currentSkewMs, ahead), 3_600_000);
}
