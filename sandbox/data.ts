/**
 * Deterministic fake Firmafon data: one company, its employees and receptions, Danish contacts, and a
 * call history in Firmafon's JSON shape (firmafon-api.md). Equal options give equal data: all randomness
 * comes from the seeded PRNG and the `now` anchor, never from Math.random or the clock.
 */
import { formatPhoneNumber } from '../common/phone.ts';
import { instantOf, isoWithOffset, wallTime } from '../common/copenhagen-time.ts';
import { createPrng, type Prng } from './prng.ts';

export type DatasetName = 'default' | 'boundaries';
export const DATASET_NAMES = ['default', 'boundaries'] as const satisfies readonly DatasetName[];

export interface GenerateOptions {
  count: number;
  seed: number;
  dataset: DatasetName;
  hostileNames: boolean;
  now: Date;
}

export interface ContactJson {
  id: number;
  number: string;
  name: string;
  email: string | null;
}

export interface AnsweredByJson {
  id: number;
  name: string;
  number: string;
}

export interface CallNodeJson {
  node_uuid: string;
  call_uuid: string;
  endpoint: string;
  started_at: string;
  answered_at: string | null;
  ended_at: string | null;
  state: string;
  node_type: 'phase' | 'employee' | 'attended_transfer' | 'voicemail';
}

export type CallStatus = 'ringing' | 'answered' | 'missed' | 'voicemail' | 'orphaned';

export interface CallJson {
  call_uuid: string;
  company_id: number;
  endpoint: string;
  endpoint_name: string;
  from_number: string | null;
  from_number_formatted: string | null;
  from_number_hidden: boolean;
  to_number: string;
  to_number_formatted: string;
  from_contact: ContactJson | null;
  to_contact: ContactJson | null;
  direction: 'incoming' | 'outgoing';
  started_at: string;
  answered_at: string | null;
  ended_at: string | null;
  answered_by: AnsweredByJson | null;
  status: CallStatus;
  talk_duration: number;
  nodes: CallNodeJson[];
}

export interface EmployeeJson {
  type: 'Employee';
  id: number;
  name: string;
  number: string;
  do_not_disturb: boolean;
  live_presence: string;
  endpoint: string;
  company_id: number;
  employee_group_ids: number[];
}

export interface ReceptionJson {
  id: number;
  name: string;
  phone_number: { number: string };
  endpoint: string;
}

/** A call plus the sandbox's own index fields (Unix seconds), which never reach the JSON. */
export interface StoredCall {
  readonly call: CallJson;
  readonly startedAt: number;
  readonly endedAt: number | null;
  /** Creation order; breaks ties between calls in the same second. */
  readonly seq: number;
}

export interface SandboxData {
  companyId: number;
  employees: EmployeeJson[];
  receptions: ReceptionJson[];
  contacts: ContactJson[];
  /** Newest first (started_at desc, then seq desc). */
  calls: StoredCall[];
}

export const COMPANY_ID = 1;

/** The exact name the newest call's caller has with `hostileNames` (tests of escaping look for it). */
export const HOSTILE_IMG_NAME = '<img src=x onerror=alert(1)>';

const HOSTILE_NAMES = [
  HOSTILE_IMG_NAME,
  '"><script>alert(1)</script>',
  '=HYPERLINK("http://x")',
  "=cmd|' /C calc'!A0",
  '@SUM(1+1)*cmd|\' /C calc\'!A0',
  "Robert'); DROP TABLE calls;--",
  'Kasper \u202Egnp.exe',
  `Karen-Margrethe ${'Brøndum-Østergaard-Christiansen '.repeat(8)}${'Å'.repeat(120)}`,
];

const FIRST_NAMES = [
  'Anne', 'Søren', 'Åse', 'Kirsten', 'Jørgen', 'Henrik', 'Pia', 'Bjørn', 'Mads', 'Ida', 'Asger', 'Signe',
  'Rasmus', 'Line', 'Morten', 'Louise', 'Kåre', 'Birgitte', 'Niels', 'Øjvind', 'Torben', 'Maja', 'Frederikke',
  'Jens', 'Bodil', 'Ærenfried', 'Gitte', 'Ulrik', 'Karen', 'Thøger',
];
const LAST_NAMES = [
  'Sørensen', 'Kjær', 'Østergaard', 'Jensen', 'Nielsen', 'Hansen', 'Pedersen', 'Andersen', 'Christensen',
  'Larsen', 'Rasmussen', 'Jørgensen', 'Madsen', 'Kristensen', 'Olsen', 'Thomsen', 'Poulsen', 'Møller',
  'Mortensen', 'Lund', 'Holm', 'Bæk', 'Dahl', 'Skov', 'Krogh', 'Brøndum', 'Aagaard', 'Højgaard', 'Bødker',
];
const COMPANY_NAMES = [
  'Østergaard VVS ApS', 'Kjær & Søn A/S', 'Bageriet på Nørrebro', 'Århus Tømrer- og Snedkerfirma',
  'Nørgaard Revision', 'Blåbærgårdens Frugtplantage', 'Dansk Kontorservice A/S', 'Læsø Saltsyderi',
  'Møllers Cykler', 'Søndergaard El-service',
];

const DK_MOBILE_PREFIXES = ['20', '21', '22', '23', '24', '25', '26', '27', '28', '29', '30', '31', '40', '41', '42', '50', '51', '52', '53', '60', '61', '71', '81', '91', '93'];
const DK_LANDLINE_PREFIXES = ['32', '33', '35', '36', '38', '39', '43', '44', '46', '47', '48', '49', '62', '63', '64', '65', '66', '74', '75', '76', '86', '87', '89', '96', '97', '98'];

function danishNumber(prng: Prng): string {
  const prefix = prng.chance(0.65) ? prng.pick(DK_MOBILE_PREFIXES) : prng.pick(DK_LANDLINE_PREFIXES);
  return `45${prefix}${prng.digits(6)}`;
}

function foreignNumber(prng: Prng): string {
  return prng.weighted<() => string>([
    [() => `467${prng.pick(['0', '2', '3', '6'])}${prng.digits(7)}`, 3], // Sweden, mobile
    [() => `49151${prng.digits(8)}`, 2], // Germany, mobile
    [() => `4930${prng.digits(8)}`, 1], // Berlin
    [() => `479${prng.digits(7)}`, 1], // Norway
  ])();
}

function asciiEmailPart(name: string): string {
  return name
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .normalize('NFD')
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.|\.$/g, '');
}

interface Party {
  number: string | null;
  contact: ContactJson | null;
  hidden: boolean;
}

interface Ctx {
  prng: Prng;
  nowSec: number;
  employees: EmployeeJson[];
  receptions: ReceptionJson[];
  /** Which employee group each reception rings (null: everybody). */
  receptionGroups: Map<number, number | null>;
  contacts: ContactJson[];
  hostileContacts: ContactJson[];
  unknownNumbers: string[];
  foreignNumbers: string[];
}

function buildCompany(prng: Prng, hostile: boolean): Omit<Ctx, 'prng' | 'nowSec'> {
  const employeeSpecs: Array<[string, number[], string]> = [
    ['Mette Jensen', [1, 2], 'available'],
    ['Lars Nielsen', [1], 'available'],
    ['Sofie Hansen', [2], 'busy'],
    ['Mikkel Pedersen', [1], 'available'],
    ['Camilla Larsen', [2], 'away'],
    [hostile ? '"><script>alert(1)</script>' : 'Jens Østergaard', [1, 2], 'available'],
  ];
  const employees: EmployeeJson[] = employeeSpecs.map(([name, groups, presence], i) => ({
    type: 'Employee',
    id: i + 1,
    name,
    number: `457199990${i + 1}`,
    do_not_disturb: false,
    live_presence: presence,
    endpoint: `Employee#${i + 1}`,
    company_id: COMPANY_ID,
    employee_group_ids: groups,
  }));
  const receptionSpecs: Array<[string, string, number | null]> = [
    ['Hovednummer', '4570701000', null],
    ['Support', '4570701010', 2],
    [hostile ? '=HYPERLINK("http://x","Salg")' : 'Salg', '4570701020', 1],
  ];
  const receptions: ReceptionJson[] = receptionSpecs.map(([name, number], i) => ({
    id: i + 1,
    name,
    phone_number: { number },
    endpoint: `Reception#${i + 1}`,
  }));
  const receptionGroups = new Map(receptionSpecs.map(([, , group], i) => [i + 1, group] as const));

  const used = new Set<string>([...employees.map((e) => e.number), ...receptions.map((r) => r.phone_number.number)]);
  const freshNumber = (make: () => string): string => {
    for (;;) {
      const n = make();
      if (!used.has(n)) {
        used.add(n);
        return n;
      }
    }
  };

  const contacts: ContactJson[] = [];
  const personNames = new Set<string>(['Anne Sørensen', 'Søren Kjær', 'Åse Østergaard']);
  while (personNames.size < 36) personNames.add(`${prng.pick(FIRST_NAMES)} ${prng.pick(LAST_NAMES)}`);
  let id = 101;
  for (const name of personNames) {
    contacts.push({
      id: id++,
      number: freshNumber(() => (prng.chance(0.06) ? foreignNumber(prng) : danishNumber(prng))),
      name,
      email: prng.chance(0.6) ? `${asciiEmailPart(name)}@eksempel.test` : null,
    });
  }
  for (const name of COMPANY_NAMES) {
    contacts.push({
      id: id++,
      number: freshNumber(() => `45${prng.pick(['70', '72', '33', '86', '98'])}${prng.digits(6)}`),
      name,
      email: prng.chance(0.7) ? `kontakt@${asciiEmailPart(name).replace(/\./g, '')}.test` : null,
    });
  }
  const hostileContacts: ContactJson[] = hostile
    ? HOSTILE_NAMES.map((name, i) => ({ id: 901 + i, number: freshNumber(() => danishNumber(prng)), name, email: null }))
    : [];
  const unknownNumbers = Array.from({ length: 30 }, () => freshNumber(() => danishNumber(prng)));
  const foreignNumbers = Array.from({ length: 4 }, () => freshNumber(() => foreignNumber(prng)));
  return {
    employees,
    receptions,
    receptionGroups,
    contacts: [...contacts, ...hostileContacts],
    hostileContacts,
    unknownNumbers,
    foreignNumbers,
  };
}

const iso = (sec: number): string => isoWithOffset(sec * 1000);
const isoOrNull = (sec: number | null): string | null => (sec === null ? null : iso(sec));

function pickContact(ctx: Ctx): ContactJson {
  if (ctx.hostileContacts.length > 0 && ctx.prng.chance(0.2)) return ctx.prng.pick(ctx.hostileContacts);
  return ctx.prng.pick(ctx.contacts);
}

function pickCaller(ctx: Ctx): Party {
  const kind = ctx.prng.weighted([
    ['contact', 55],
    ['unknown', 32],
    ['foreign', 5],
    ['hidden', 8],
  ] as const);
  switch (kind) {
    case 'contact': {
      const contact = pickContact(ctx);
      return { number: contact.number, contact, hidden: false };
    }
    case 'unknown':
      return { number: ctx.prng.chance(0.8) ? ctx.prng.pick(ctx.unknownNumbers) : danishNumber(ctx.prng), contact: null, hidden: false };
    case 'foreign':
      return { number: ctx.prng.pick(ctx.foreignNumbers), contact: null, hidden: false };
    case 'hidden':
      return { number: ctx.prng.chance(0.5) ? null : 'anonymous', contact: null, hidden: true };
  }
}

function pickCallee(ctx: Ctx): Party {
  const kind = ctx.prng.weighted([
    ['contact', 62],
    ['unknown', 33],
    ['foreign', 5],
  ] as const);
  if (kind === 'contact') {
    const contact = pickContact(ctx);
    return { number: contact.number, contact, hidden: false };
  }
  if (kind === 'foreign') return { number: ctx.prng.pick(ctx.foreignNumbers), contact: null, hidden: false };
  return { number: ctx.prng.pick(ctx.unknownNumbers), contact: null, hidden: false };
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

interface Built {
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

interface IncomingOverrides {
  status?: CallStatus;
  caller?: Party;
}

/** An incoming call through a reception: a `phase` node, employees rung in turn, maybe a transfer. */
function incomingCall(ctx: Ctx, start: number, overrides: IncomingOverrides = {}): Built {
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

/** An outgoing call placed by an employee (from their number). The callee is not an employee: no answered_by. */
function outgoingCall(ctx: Ctx, start: number, callee: Party, employee: EmployeeJson): Built {
  const { prng } = ctx;
  const callUuid = prng.uuid();
  const status: CallStatus = prng.chance(0.78) ? 'answered' : 'missed';
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
  const call: CallJson = {
    call_uuid: callUuid,
    company_id: COMPANY_ID,
    endpoint: employee.endpoint,
    endpoint_name: employee.name,
    from_number: employee.number,
    from_number_formatted: formatPhoneNumber(employee.number),
    from_number_hidden: false,
    to_number: callee.number ?? '',
    to_number_formatted: formatPhoneNumber(callee.number ?? ''),
    from_contact: null,
    to_contact: contactCopy(callee.contact),
    direction: 'outgoing',
    started_at: iso(start),
    answered_at: isoOrNull(answeredAt),
    ended_at: iso(endedAt),
    answered_by: null,
    status,
    talk_duration: talk,
    nodes: [
      {
        node_uuid: prng.uuid(),
        call_uuid: callUuid,
        endpoint: employee.endpoint,
        started_at: iso(start),
        answered_at: isoOrNull(answeredAt),
        ended_at: iso(endedAt),
        state: status === 'answered' ? 'answered' : 'missed',
        node_type: 'employee',
      },
    ],
  };
  return { call, startedAt: start, endedAt, caller: { number: employee.number, contact: null, hidden: false } };
}

// ---------------------------------------------------------------------------------------------------------
// When calls happen

const DAY_SECONDS = 86_400;

/** `count` start times (Unix seconds, ascending, all at least a minute before now), some of them today. */
function startTimes(prng: Prng, count: number, nowSec: number, distinct: boolean): number[] {
  const nowParts = wallTime(nowSec * 1000);
  const midnight = Math.floor(instantOf(nowParts.year, nowParts.month, nowParts.day) / 1000);
  const latest = nowSec - 60;
  let todayFrom = midnight + 8 * 3600;
  if (latest - todayFrom < 30 * 60) todayFrom = Math.max(midnight, latest - 6 * 3600);
  if (todayFrom >= latest) todayFrom = latest - 3600;
  const todayCount = Math.min(count, Math.max(4, Math.round(count * 0.05)));

  const days: Array<readonly [{ year: number; month: number; day: number; weekend: boolean }, number]> = [];
  for (let back = 1; back <= 30; back++) {
    const date = new Date(Date.UTC(nowParts.year, nowParts.month - 1, nowParts.day - back));
    const weekday = date.getUTCDay();
    const weekend = weekday === 0 || weekday === 6;
    const value = { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), weekend };
    days.push([value, weekday === 0 ? 0.4 : weekday === 6 ? 0.8 : 5]);
  }

  const seen = new Set<number>();
  const times: number[] = [];
  const add = (make: () => number): void => {
    for (let attempt = 0; ; attempt++) {
      const t = make();
      if (!distinct || !seen.has(t) || attempt > 1000) {
        seen.add(t);
        times.push(t);
        return;
      }
    }
  };
  for (let i = 0; i < todayCount; i++) add(() => prng.int(todayFrom, latest));
  for (let i = todayCount; i < count; i++) {
    add(() => {
      const day = prng.weighted(days);
      let secondOfDay: number;
      if (prng.chance(0.07)) {
        secondOfDay = prng.chance(0.3) ? prng.int(7 * 3600, 8 * 3600) : prng.int(16.5 * 3600, 20 * 3600);
      } else if (day.weekend) {
        secondOfDay = prng.int(10 * 3600, 14 * 3600);
      } else {
        secondOfDay = prng.int(8 * 3600, 16.5 * 3600);
      }
      const h = Math.floor(secondOfDay / 3600);
      const m = Math.floor((secondOfDay % 3600) / 60);
      const s = secondOfDay % 60;
      return Math.min(latest, Math.floor(instantOf(day.year, day.month, day.day, h, m, s) / 1000));
    });
  }
  return times.sort((a, b) => a - b);
}

/** Default data: scattered times, plus a few calls that share one second (one group of three today). */
function defaultSchedule(prng: Prng, count: number, nowSec: number): number[] {
  const times = startTimes(prng, count, nowSec, false);
  for (let i = 1; i < times.length; i++) {
    if (prng.chance(0.03)) times[i] = times[i - 1] ?? 0;
  }
  if (times.length >= 8) {
    // A guaranteed triple among today's calls (they sit at the end) and a pair further back.
    const j = times.length - 4;
    const t = times[j] ?? 0;
    times[j + 1] = t;
    times[j + 2] = t;
    const k = prng.int(1, Math.max(1, times.length - 10));
    times[k] = times[k - 1] ?? 0;
  }
  return times;
}

/** Page boundaries (0-based index of a page's last call) that must fall inside a burst. */
const FORCED_BOUNDARIES = [29, 59, 99, 129, 199, 299];
export const MAX_BURST = 40;

/**
 * Burst sizes, newest first: runs of 5–40 calls sharing one second, with single calls between them, laid out
 * so that the last call of a page of 30 or 100 (read without overlap) sits inside a burst, not at its end.
 */
export function boundaryLayout(prng: Prng, count: number): number[] {
  const sizes: number[] = [];
  let pos = 0;
  while (pos < count) {
    let size = prng.chance(0.55) ? prng.int(5, MAX_BURST) : prng.int(1, 2);
    const target = FORCED_BOUNDARIES.find((b) => b >= pos && b <= pos + size - 1);
    if (target !== undefined && (size < 5 || target === pos + size - 1)) {
      const wanted = target - pos + 1 + prng.int(2, 9);
      size = wanted <= MAX_BURST ? Math.max(5, wanted) : target - pos - 4;
    }
    size = Math.max(1, Math.min(size, count - pos));
    sizes.push(size);
    pos += size;
  }
  return sizes;
}

function boundariesSchedule(prng: Prng, count: number, nowSec: number): number[] {
  const sizes = boundaryLayout(prng, count);
  const slots = startTimes(prng, sizes.length, nowSec, true).reverse(); // newest first, like the layout
  const times: number[] = [];
  sizes.forEach((size, i) => {
    const t = slots[i] ?? 0;
    for (let k = 0; k < size; k++) times.push(t);
  });
  return times.sort((a, b) => a - b);
}

// ---------------------------------------------------------------------------------------------------------

function sortNewestFirst(calls: StoredCall[]): void {
  calls.sort((a, b) => b.startedAt - a.startedAt || b.seq - a.seq);
}

function contextFor(prng: Prng, nowSec: number, hostile: boolean): Ctx {
  return { prng, nowSec, ...buildCompany(prng, hostile) };
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
      built = incomingCall(ctx, start);
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
