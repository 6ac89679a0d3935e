/**
 * Deterministic fake Firmafon data: one company and a call history in Firmafon's JSON shape. Equal options give
 * equal data: all randomness comes from the seeded PRNG and the `now` anchor, never from Math.random or the clock.
 */
import { wallTime } from '../../common/copenhagen-time.ts';
import { createPrng } from '../prng.ts';
import { outgoingCall, incomingCall, placedCall, type Built } from './calls.ts';
import { buildEmployeeGroups, COMPANY_ID, contextFor, HOSTILE_IMG_NAME, type Ctx, type Party } from './company.ts';
import { pickCallee } from './parties.ts';
import { boundariesSchedule, DAY_SECONDS, defaultSchedule } from './schedule.ts';
import type { EmployeeJson, GenerateOptions, SandboxData, StoredCall } from './types.ts';
import { generateVoiceMails } from './voice-mails.ts';

function sortNewestFirst(calls: StoredCall[]): void {
  calls.sort((a, b) => b.startedAt - a.startedAt || b.seq - a.seq);
}

export function generateData(options: GenerateOptions): SandboxData {
  const prng = createPrng(options.seed);
  const nowSec = Math.floor(options.now.getTime() / 1000);
  const ctx = contextFor(prng, nowSec, options.hostileNames);
  const count = Math.max(0, Math.floor(options.count));
  const times =
    options.dataset === 'boundaries' ? boundariesSchedule(prng, count, nowSec) : defaultSchedule(prng, count, nowSec);

  // Slots reserved for calling back a missed call: index → the caller to ring back and who rings.
  const callbacks = new Map<number, { callee: Party; employee: EmployeeJson }>();
  const stored: StoredCall[] = [];
  const hostileImg = ctx.hostileContacts.find((c) => c.name === HOSTILE_IMG_NAME);
  times.forEach((start, i) => {
    const isNewest = i === times.length - 1;
    let built: Built;
    const callback = callbacks.get(i);
    if (isNewest && hostileImg) {
      built = incomingCall(ctx, start, {
        status: 'answered',
        caller: { number: hostileImg.number, contact: hostileImg, hidden: false },
      });
    } else if (callback) {
      built = outgoingCall(ctx, start, callback.callee, callback.employee);
    } else if (prng.chance(0.75)) {
      // Before nine, fewer people are in: more callers are missed.
      const early = wallTime(start * 1000).hour < 9 && prng.chance(0.3);
      built = incomingCall(ctx, start, early ? { status: 'missed' } : {});
    } else {
      built = outgoingCall(ctx, start, pickCallee(ctx), prng.pick(ctx.employees));
    }
    const { call } = built;
    if (call.direction === 'incoming' && call.status === 'missed' && !built.caller.hidden && built.caller.number && prng.chance(0.55)) {
      // Call back a little later (some missed calls never are).
      const skip = prng.int(0, 3);
      let seen = 0;
      for (let j = i + 1; j < Math.min(times.length, i + 15); j++) {
        const t = times[j] ?? 0;
        if (t < start + 120 || t > start + 3 * DAY_SECONDS || callbacks.has(j) || (hostileImg && j === times.length - 1)) continue;
        if (seen++ < skip) continue;
        const answerer = call.nodes.find((n) => n.node_type === 'employee')?.endpoint;
        const employee = ctx.employees.find((e) => e.endpoint === answerer) ?? prng.pick(ctx.employees);
        callbacks.set(j, { callee: built.caller, employee });
        break;
      }
    }
    stored.push({ call, startedAt: built.startedAt, endedAt: built.endedAt, seq: i + 1 });
  });
  sortNewestFirst(stored);
  return {
    companyId: COMPANY_ID,
    employees: ctx.employees,
    receptions: ctx.receptions,
    contacts: ctx.contacts,
    calls: stored,
    voiceMails: generateVoiceMails(stored, options.seed, nowSec),
    employeeGroups: buildEmployeeGroups(ctx.employees),
    liveCalls: [],
  };
}

export type NewCallStatus = 'missed' | 'ringing';

/**
 * Adds `count` incoming calls that start at `nowSec` (control API). `missed` calls end in the same second
 * (the caller hung up at once); `ringing` ones are still in progress. Returns the new calls, newest first.
 */
export function addIncomingCalls(
  data: SandboxData,
  options: { count: number; nowSec: number; seed: number; status: NewCallStatus; hostileNames: boolean },
): StoredCall[] {
  const prng = createPrng((options.seed * 7919 + data.calls.length * 104729 + options.nowSec) >>> 0);
  const ctx: Ctx = {
    ...contextFor(createPrng(0), options.nowSec, options.hostileNames),
    prng,
    employees: data.employees,
    receptions: data.receptions,
    contacts: data.contacts,
  };
  ctx.hostileContacts = data.contacts.filter((c) => c.id >= 901);
  let seq = data.calls.reduce((max, c) => Math.max(max, c.seq), 0);
  const added: StoredCall[] = [];
  for (let i = 0; i < options.count; i++) {
    const built = incomingCall(ctx, options.nowSec, { status: options.status });
    added.push({ call: built.call, startedAt: built.startedAt, endedAt: built.endedAt, seq: ++seq });
  }
  data.calls.push(...added);
  sortNewestFirst(data.calls);
  sortNewestFirst(added);
  return added;
}

/**
 * Logs the call click-to-call places (`POST /switch/dial`), newest first with the rest, and returns it: Firmafon
 * rings the employee's own phone and then the number, so it logs an outgoing call from the employee to the
 * number, starting now and still ringing.
 */
export function addDialledCall(data: SandboxData, options: { employee: EmployeeJson; toNumber: string; nowSec: number }): StoredCall {
  const prng = createPrng((data.calls.length * 104729 + options.nowSec) >>> 0);
  const contact = data.contacts.find((c) => c.number === options.toNumber) ?? null;
  const callUuid = prng.uuid();
  const built = placedCall({
    employee: options.employee,
    toNumber: options.toNumber,
    contact,
    callUuid,
    nodeUuid: prng.uuid(),
    status: 'ringing',
    start: options.nowSec,
    answeredAt: null,
    endedAt: null,
    talk: 0,
  });
  const seq = data.calls.reduce((max, c) => Math.max(max, c.seq), 0) + 1;
  const stored: StoredCall = { call: built.call, startedAt: built.startedAt, endedAt: built.endedAt, seq };
  data.calls.push(stored);
  sortNewestFirst(data.calls);
  return stored;
}
