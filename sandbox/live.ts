/**
 * The sandbox's "now": who is free and which calls are in progress. Presence is computed when it is read, from an
 * employee's own setting (`live_presence` in the data, which the control API sets), their do-not-disturb (which
 * ends by itself at `dnd_timeout_at`) and the calls in progress (ringing them: `ringing`; answered by them: `busy`).
 * Calls in progress are driven by the control API: ring (waiting at a reception, or ringing employees), answer, end;
 * an ended call moves to the call history as Firmafon would log it.
 */
import { isoWithOffset } from '../common/copenhagen-time.ts';
import { formatPhoneNumber } from '../common/phone.ts';
import { createPrng } from './prng.ts';
import type { CallJson, CallNodeJson, EmployeeGroupJson, EmployeeJson, LiveCall, SandboxData } from './data/index.ts';

/** Firmafon writes call times with the Copenhagen offset, as the generated history does. */
const iso = (sec: number): string => isoWithOffset(sec * 1000);

export class LiveCallError extends Error {
  constructor(
    readonly status: 400 | 404 | 409,
    message: string,
  ) {
    super(message);
  }
}

/** Whether do-not-disturb is on at `nowSec` (a timeout in the past has ended it). */
export function dndActive(employee: EmployeeJson, nowSec: number): boolean {
  if (!employee.do_not_disturb) return false;
  if (employee.dnd_timeout_at === null) return true;
  return Date.parse(employee.dnd_timeout_at) / 1000 > nowSec;
}

/** The employee as `GET /employees` answers at `nowSec`: presence from calls in progress and do-not-disturb. */
export function employeeView(data: SandboxData, employee: EmployeeJson, nowSec: number): EmployeeJson {
  const dnd = dndActive(employee, nowSec);
  let presence = employee.live_presence;
  if (data.liveCalls.some((c) => c.answeredBy === employee.id)) presence = 'busy';
  else if (data.liveCalls.some((c) => c.ringing.includes(employee.id))) presence = 'ringing';
  else if (dnd) presence = 'do_not_disturb';
  return { ...employee, live_presence: presence, do_not_disturb: dnd, dnd_timeout_at: dnd ? employee.dnd_timeout_at : null };
}

/** A group's presence: `available` when at least one member is; else the most telling of its members' states. */
export function groupView(group: EmployeeGroupJson, members: readonly EmployeeJson[]): EmployeeGroupJson {
  const states = new Set(members.map((m) => m.live_presence));
  const presence = ['available', 'ringing', 'busy', 'do_not_disturb'].find((s) => states.has(s)) ?? 'unknown';
  return { ...group, live_presence: presence };
}

/** The nodes of every call in progress, as `GET /call_nodes/live` answers them. */
export function liveNodes(data: SandboxData, companyId: number): CallNodeJson[] {
  return data.liveCalls.filter((c) => c.companyId === companyId).flatMap((c) => c.nodes.filter((n) => n.ended_at === null));
}

function findLive(data: SandboxData, callUuid: string): LiveCall {
  const call = data.liveCalls.find((c) => c.callUuid === callUuid);
  if (!call) throw new LiveCallError(404, 'No call in progress has that call_uuid.');
  return call;
}

function findEmployee(data: SandboxData, id: number): EmployeeJson {
  const employee = data.employees.find((e) => e.id === id);
  if (!employee) throw new LiveCallError(404, `No employee ${id}.`);
  return employee;
}

let uuidCounter = 0;
function newUuid(seed: number): string {
  uuidCounter += 1;
  return createPrng((seed * 2654435761 + uuidCounter * 40503) >>> 0).uuid();
}

function employeeNode(call: LiveCall, employeeId: number, nowSec: number): CallNodeJson {
  return {
    node_uuid: newUuid(nowSec + employeeId),
    call_uuid: call.callUuid,
    endpoint: `Employee#${employeeId}`,
    started_at: iso(nowSec),
    answered_at: null,
    ended_at: null,
    state: 'new',
    node_type: 'employee',
  };
}

export interface RingOptions {
  /** Where the call comes in (default: the first reception). */
  receptionId?: number;
  /** Whom it rings now; none: it waits in the reception's queue. */
  employeeIds?: number[];
  /** The caller (default: a fixed Danish number). */
  fromNumber?: string;
  nowSec: number;
}

/** A new incoming call, waiting or ringing. */
export function ringCall(data: SandboxData, options: RingOptions): LiveCall {
  const receptionId = options.receptionId ?? data.receptions[0]?.id ?? 1;
  const reception = data.receptions.find((r) => r.id === receptionId);
  if (!reception) throw new LiveCallError(404, `No reception ${receptionId}.`);
  const employeeIds = options.employeeIds ?? [];
  for (const id of employeeIds) findEmployee(data, id);
  const callUuid = newUuid(options.nowSec);
  const call: LiveCall = {
    callUuid,
    companyId: data.companyId,
    receptionId,
    fromNumber: options.fromNumber ?? '4520304050',
    startedAt: options.nowSec,
    answeredAt: null,
    answeredBy: null,
    ringing: [...employeeIds],
    nodes: [
      {
        node_uuid: newUuid(options.nowSec + 1),
        call_uuid: callUuid,
        endpoint: reception.endpoint,
        started_at: iso(options.nowSec),
        answered_at: null,
        ended_at: null,
        state: 'open',
        node_type: 'phase',
      },
    ],
  };
  call.nodes.push(...employeeIds.map((id) => employeeNode(call, id, options.nowSec)));
  data.liveCalls.push(call);
  return call;
}

/** Rings more employees for a call that is still waiting or ringing. */
export function ringEmployees(data: SandboxData, callUuid: string, employeeIds: number[], nowSec: number): LiveCall {
  const call = findLive(data, callUuid);
  if (call.answeredBy !== null) throw new LiveCallError(409, 'The call has been answered.');
  for (const id of employeeIds) {
    findEmployee(data, id);
    if (call.ringing.includes(id)) continue;
    call.ringing.push(id);
    call.nodes.push(employeeNode(call, id, nowSec));
  }
  return call;
}

/** `employeeId` answers: their node is answered, the others stop ringing. */
export function answerCall(data: SandboxData, callUuid: string, employeeId: number, nowSec: number): LiveCall {
  const call = findLive(data, callUuid);
  findEmployee(data, employeeId);
  if (call.answeredBy !== null) throw new LiveCallError(409, 'The call has been answered.');
  if (!call.ringing.includes(employeeId)) ringEmployees(data, callUuid, [employeeId], nowSec);
  for (const node of call.nodes) {
    if (node.node_type === 'employee' && node.ended_at === null) {
      if (node.endpoint === `Employee#${employeeId}`) {
        node.state = 'answered';
        node.answered_at = iso(nowSec);
      } else {
        node.state = 'hungup';
        node.ended_at = iso(nowSec);
      }
    } else if (node.node_type === 'phase' && node.ended_at === null) {
      node.state = 'answered';
      node.answered_at = iso(nowSec);
    }
  }
  call.answeredAt = nowSec;
  call.answeredBy = employeeId;
  call.ringing = [];
  return call;
}

/** A call as `/calls` (and Firmafon's push) shows it: in progress (`endedAt` null) or ended at `endedAt`. */
export function callJsonOf(data: SandboxData, live: LiveCall, endedAt: number | null): CallJson {
  const reception = data.receptions.find((r) => r.id === live.receptionId);
  const answerer = live.answeredBy === null ? undefined : data.employees.find((e) => e.id === live.answeredBy);
  const contact = data.contacts.find((c) => c.number === live.fromNumber) ?? null;
  return {
    call_uuid: live.callUuid,
    company_id: live.companyId,
    endpoint: reception?.endpoint ?? `Reception#${live.receptionId}`,
    endpoint_name: reception?.name ?? '',
    from_number: live.fromNumber,
    from_number_formatted: formatPhoneNumber(live.fromNumber),
    from_number_hidden: false,
    to_number: reception?.phone_number.number ?? '',
    to_number_formatted: formatPhoneNumber(reception?.phone_number.number ?? ''),
    from_contact: contact ? { ...contact } : null,
    to_contact: null,
    direction: 'incoming',
    started_at: iso(live.startedAt),
    answered_at: live.answeredAt === null ? null : iso(live.answeredAt),
    ended_at: endedAt === null ? null : iso(endedAt),
    answered_by: answerer ? { id: answerer.id, name: answerer.name, number: answerer.number } : null,
    status: endedAt === null ? (answerer ? 'answered' : 'ringing') : answerer ? 'answered' : 'missed',
    talk_duration: live.answeredAt === null ? 0 : (endedAt ?? live.answeredAt) - live.answeredAt,
    nodes: live.nodes.map((n) => ({ ...n })),
  };
}

/** The call ends: it leaves the live list and is logged in the history (answered, or missed). Answers the logged call. */
export function endCall(data: SandboxData, callUuid: string, nowSec: number): CallJson {
  const live = findLive(data, callUuid);
  for (const node of live.nodes) {
    if (node.ended_at === null) {
      node.ended_at = iso(nowSec);
      node.state = 'hungup';
    }
  }
  data.liveCalls = data.liveCalls.filter((c) => c !== live);
  const call = callJsonOf(data, live, nowSec);
  const seq = data.calls.reduce((max, c) => Math.max(max, c.seq), 0) + 1;
  data.calls.unshift({ call, startedAt: live.startedAt, endedAt: nowSec, seq });
  data.calls.sort((a, b) => b.startedAt - a.startedAt || b.seq - a.seq);
  return call;
}
