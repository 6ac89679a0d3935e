/**
 * The incoming call notice's rules: which calls ring the signed-in person now, and which of them to show, so that a
 * call is noticed once — never again, even if it stops ringing them and rings them once more — and what is
 * remembered stays bounded by the calls in progress. Pure.
 */
import type { Call, CallNode } from '@common/call-schemas.ts';
import { normalizePhoneNumber } from '@common/phone.ts';
import { filtersToSearchParams } from '@/shared/model/call-filters.ts';
import { partyOf } from '@/shared/model/call.ts';
import { liveCallsFrom } from '@/shared/model/live-calls.ts';

export interface RingingMe {
  callUuid: string;
  /** Where it came in (`Reception#1`), when a node says. */
  entry: string | null;
}

/**
 * Calls ringing `myEndpoint` (`Employee#1`) now: not yet answered by anyone, with an open node of mine. A call
 * that someone (me included) has answered rings nobody, as on the team board (shared/model/live-calls.ts).
 */
export function callsRingingMe(nodes: readonly CallNode[], myEndpoint: string): RingingMe[] {
  return liveCallsFrom(nodes)
    .filter((call) => call.state === 'ringing' && call.employees.includes(myEndpoint))
    .map(({ callUuid, entry }) => ({ callUuid, entry }));
}

/** Per call in progress that has rung me: shown while it rings me, then done for good. */
export type NoticeMemory = ReadonlyMap<string, 'showing' | 'done'>;

export interface NoticeStep {
  memory: NoticeMemory;
  /** Calls to show now (ringing me, first noticed in this or an earlier step and not since stopped). */
  showing: string[];
  /** Calls seen ringing me for the first time in this step (for a browser notification). */
  fresh: string[];
}

/**
 * The next memory from the calls ringing me and every call still in progress. A call is forgotten only when it is
 * no longer in progress — it cannot ring again then — so the memory never holds more than the calls in progress.
 */
export function nextNotices(memory: NoticeMemory, ringingMe: readonly string[], inProgress: readonly string[]): NoticeStep {
  const ringing = new Set(ringingMe);
  const live = new Set(inProgress);
  for (const uuid of ringing) live.add(uuid);
  const next = new Map<string, 'showing' | 'done'>();
  const fresh: string[] = [];
  for (const [uuid, state] of memory) {
    if (!live.has(uuid)) continue;
    next.set(uuid, state === 'showing' && ringing.has(uuid) ? 'showing' : 'done');
  }
  for (const uuid of ringing) {
    if (next.has(uuid)) continue;
    next.set(uuid, 'showing');
    fresh.push(uuid);
  }
  const showing = ringingMe.filter((uuid) => next.get(uuid) === 'showing');
  return { memory: next, showing, fresh };
}

export interface Caller {
  /** The contact's name, when Firmafon knows one. */
  name: string | null;
  /** `+45 12 34 56 78`, or null for a hidden number. */
  number: string | null;
  /** The calls page filtered to this number, or null when the number is hidden. */
  historyHref: string | null;
  /** The reception's name, as the call names it. */
  reception: string | null;
}

/** Who is calling, from the call as `GET /calls/:uuid` answers it. */
export function callerOf(call: Call): Caller {
  const party = partyOf(call, 'from');
  const digits = party.hidden || !call.from_number ? null : normalizePhoneNumber(call.from_number);
  return {
    name: party.name,
    number: party.number,
    historyHref: digits ? `/calls?${filtersToSearchParams({ number: digits }).toString()}` : null,
    reception: call.endpoint_name?.trim() || null,
  };
}
