/**
 * Builds one call in Firmafon's JSON shape: an incoming call through a reception (a `phase` node, employees rung
 * in turn, maybe an attended transfer or a voicemail) or an outgoing call placed by an employee.
 */
import { formatPhoneNumber } from '../../common/phone.ts';
import { isoWithOffset } from '../../common/copenhagen-time.ts';
import type { Prng } from '../prng.ts';
import { COMPANY_ID, type Ctx, type Party } from './company.ts';
import { pickCaller } from './parties.ts';
import type { CallJson, CallNodeJson, CallStatus, ContactJson, EmployeeJson, ReceptionJson } from './types.ts';

const iso = (sec: number): string => isoWithOffset(sec * 1000);
const isoOrNull = (sec: number | null): string | null => (sec === null ? null : iso(sec));

/** A UUID-shaped id derived from `base` and `salt` (FNV-1a), without drawing from the generator's random numbers. */
export function derivedUuid(base: string, salt: string): string {
  const words = [0x811c9dc5, 0x01000193, 0x9e3779b1, 0x85ebca6b].map((seed) => {
    let h = seed >>> 0;
    for (const ch of `${salt}:${base}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
    return h.toString(16).padStart(8, '0');
  });
  const hex = words.join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Talk time in seconds: mostly short, some long. */
function talkSeconds(prng: Prng): number {
  return prng.weighted<() => number>([
    [() => prng.int(20, 120), 45],
    [() => prng.int(120, 480), 40],
    [() => prng.int(480, 1800), 15],
  ])();
}

function ringersFor(ctx: Ctx, reception: ReceptionJson): EmployeeJson[] {
  const group = ctx.receptionGroups.get(reception.id) ?? null;
  const pool = ctx.employees.filter((e) => group === null || e.employee_group_ids.includes(group));
  const shuffled = [...pool];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = ctx.prng.int(0, i);
    const a = shuffled[i];
    const b = shuffled[j];
    if (a === undefined || b === undefined) continue;
    shuffled[i] = b;
    shuffled[j] = a;
  }
  return shuffled.slice(0, ctx.prng.int(1, Math.min(3, shuffled.length)));
}

export interface Built {
  call: CallJson;
  startedAt: number;
  endedAt: number | null;
  caller: Party;
}

function contactCopy(contact: ContactJson | null): ContactJson | null {
  return contact ? { ...contact } : null;
}

function numberFields(party: Party): Pick<CallJson, 'from_number' | 'from_number_formatted' | 'from_number_hidden'> {
  return {
    from_number: party.number,
    from_number_formatted: party.number === null ? null : formatPhoneNumber(party.number),
    from_number_hidden: party.hidden,
  };
}

export interface IncomingOverrides {
  status?: CallStatus;
  caller?: Party;
}

/** An incoming call through a reception: a `phase` node, employees rung in turn, maybe a transfer. */
export function incomingCall(ctx: Ctx, start: number, overrides: IncomingOverrides = {}): Built {
  const { prng } = ctx;
  const callUuid = prng.uuid();
  const reception = prng.weighted(ctx.receptions.map((r, i) => [r, [60, 25, 15][i] ?? 10] as const));
  const caller = overrides.caller ?? pickCaller(ctx);
  const status: CallStatus =
    overrides.status ??
    prng.weighted<CallStatus>([
      ['answered', 68],
      ['missed', 22],
      ['voicemail', 7],
      ['orphaned', 3],
    ]);
  const nodes: CallNodeJson[] = [];
  const node = (
    endpoint: string,
    nodeType: CallNodeJson['node_type'],
    startedAt: number,
    answeredAt: number | null,
    endedAt: number | null,
    state: string,
  ): void => {
    nodes.push({
      node_uuid: prng.uuid(),
      call_uuid: callUuid,
      endpoint,
      started_at: iso(startedAt),
      answered_at: isoOrNull(answeredAt),
      ended_at: isoOrNull(endedAt),
      state,
      node_type: nodeType,
    });
  };

  const ringers = ringersFor(ctx, reception);
  let answeredAt: number | null = null;
  let endedAt: number | null = null;
  let answeredBy: EmployeeJson | null = null;
  let talk = 0;
  let t = start + prng.int(1, 3);
  const ringStart = status === 'ringing' ? start : t;

  if (status === 'ringing') {
    // In progress: the add-calls control makes these at "now".
    t = start;
    for (const employee of ringers) node(employee.endpoint, 'employee', t, null, null, 'ringing');
  } else if (status === 'answered') {
    const answerer = ringers[ringers.length - 1];
    for (const employee of ringers.slice(0, -1)) {
      const ring = prng.int(8, 15);
      node(employee.endpoint, 'employee', t, null, t + ring, 'missed');
      t += ring;
    }
    answeredAt = t + prng.int(2, 10);
    talk = Math.max(1, Math.min(talkSeconds(prng), ctx.nowSec - answeredAt - 1));
    endedAt = answeredAt + talk;
    if (answerer) {
      answeredBy = answerer;
      const others = ctx.employees.filter((e) => e.id !== answerer.id);
      if (talk >= 40 && others.length > 0 && prng.chance(0.1)) {
        const target = prng.pick(others);
        const transferAt = answeredAt + Math.floor(talk / 2);
        const pickedUp = transferAt + prng.int(3, 8);
        node(answerer.endpoint, 'employee', t, answeredAt, pickedUp, 'answered');
        node(target.endpoint, 'attended_transfer', transferAt, pickedUp, endedAt, 'answered');
      } else {
        node(answerer.endpoint, 'employee', t, answeredAt, endedAt, 'answered');
      }
    }
  } else if (status === 'orphaned') {
    for (const employee of ringers.slice(0, 1)) node(employee.endpoint, 'employee', t, null, t + prng.int(1, 4), 'missed');
  } else {
    // Nobody picked up; the caller hung up (missed) or left a message (voicemail).
    const noWait = start === ctx.nowSec;
    for (const employee of ringers) {
      const ring = noWait ? 0 : prng.int(8, 15);
      node(employee.endpoint, 'employee', noWait ? start : t, null, noWait ? start : t + ring, 'missed');
      t += ring;
    }
    if (noWait) t = start;
    if (status === 'voicemail') {
      const message = Math.max(1, Math.min(prng.int(8, 90), ctx.nowSec - t - 1));
      node(reception.endpoint, 'voicemail', t, null, t + message, 'ended');
      t += message;
    }
    endedAt = t;
  }
  // A reception that rings a group routes the call through the group: its node sits between the phase and the people
  // it rang, so `endpoint=EmployeeGroup#…` finds the call. Its id is derived from the call's, so the rest of the
  // generated history stays as it was.
  const groupId = ctx.receptionGroups.get(reception.id) ?? null;
  if (groupId !== null && nodes.some((n) => n.node_type === 'employee')) {
    nodes.unshift({
      node_uuid: derivedUuid(callUuid, 'group'),
      call_uuid: callUuid,
      endpoint: `EmployeeGroup#${groupId}`,
      started_at: iso(ringStart),
      answered_at: isoOrNull(answeredAt),
      ended_at: status === 'ringing' ? null : (nodes.filter((n) => n.node_type === 'employee').at(-1)?.ended_at ?? null),
      state: status === 'ringing' ? 'ringing' : answeredAt !== null ? 'answered' : 'missed',
      node_type: 'employee_group',
    });
  }
  nodes.unshift({
    node_uuid: prng.uuid(),
    call_uuid: callUuid,
    endpoint: reception.endpoint,
    started_at: iso(start),
    answered_at: isoOrNull(answeredAt),
    ended_at: isoOrNull(endedAt),
    state: status === 'ringing' ? 'ringing' : status === 'orphaned' ? 'orphaned' : 'ended',
    node_type: 'phase',
  });

  const call: CallJson = {
    call_uuid: callUuid,
    company_id: COMPANY_ID,
    endpoint: reception.endpoint,
    endpoint_name: reception.name,
    ...numberFields(caller),
    to_number: reception.phone_number.number,
    to_number_formatted: formatPhoneNumber(reception.phone_number.number),
    from_contact: contactCopy(caller.contact),
    to_contact: null,
    direction: 'incoming',
    started_at: iso(start),
    answered_at: isoOrNull(answeredAt),
    ended_at: isoOrNull(endedAt),
    answered_by: answeredBy ? { id: answeredBy.id, name: answeredBy.name, number: answeredBy.number } : null,
    status,
    talk_duration: talk,
    nodes,
  };
  return { call, startedAt: start, endedAt, caller };
}

/** An outgoing call placed by an employee (from their number) to a number that is not an employee's: no answered_by. */
export interface PlacedCall {
  employee: EmployeeJson;
  toNumber: string;
  contact: ContactJson | null;
  callUuid: string;
  nodeUuid: string;
  status: 'ringing' | 'answered' | 'missed';
  start: number;
  answeredAt: number | null;
  /** Null while it rings. */
  endedAt: number | null;
  talk: number;
}

/** The call JSON of an outgoing call: the employee's one node is in the same state as the call. */
export function placedCall({ employee, toNumber, contact, callUuid, nodeUuid, status, start, answeredAt, endedAt, talk }: PlacedCall): Built {
  const call: CallJson = {
    call_uuid: callUuid,
    company_id: COMPANY_ID,
    endpoint: employee.endpoint,
    endpoint_name: employee.name,
    from_number: employee.number,
    from_number_formatted: formatPhoneNumber(employee.number),
    from_number_hidden: false,
    to_number: toNumber,
    to_number_formatted: formatPhoneNumber(toNumber),
    from_contact: null,
    to_contact: contactCopy(contact),
    direction: 'outgoing',
    started_at: iso(start),
    answered_at: isoOrNull(answeredAt),
    ended_at: isoOrNull(endedAt),
    answered_by: null,
    status,
    talk_duration: talk,
    nodes: [
      {
        node_uuid: nodeUuid,
        call_uuid: callUuid,
        endpoint: employee.endpoint,
        started_at: iso(start),
        answered_at: isoOrNull(answeredAt),
        ended_at: isoOrNull(endedAt),
        state: status,
        node_type: 'employee',
      },
    ],
  };
  return { call, startedAt: start, endedAt, caller: { number: employee.number, contact: null, hidden: false } };
}

/** A past outgoing call placed by an employee, answered or missed, with its times drawn from `ctx`'s generator. */
export function outgoingCall(ctx: Ctx, start: number, callee: Party, employee: EmployeeJson): Built {
  const { prng } = ctx;
  const callUuid = prng.uuid();
  const status = prng.chance(0.78) ? 'answered' : 'missed';
  let answeredAt: number | null = null;
  let endedAt: number;
  let talk = 0;
  if (status === 'answered') {
    answeredAt = start + prng.int(4, 25);
    talk = Math.max(1, Math.min(talkSeconds(prng), ctx.nowSec - answeredAt - 1));
    endedAt = answeredAt + talk;
  } else {
    endedAt = start + prng.int(15, 40);
  }
  // The node's id is drawn last, as it always was, so that a seed still generates the same calls.
  const nodeUuid = prng.uuid();
  return placedCall({ employee, toNumber: callee.number ?? '', contact: callee.contact, callUuid, nodeUuid, status, start, answeredAt, endedAt, talk });
}
