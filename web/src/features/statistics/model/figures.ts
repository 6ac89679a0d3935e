/**
 * Every figure on the statistics page, computed from the period's calls. Pure. Missed, answered and finished
 * are the call log's own rules (shared/model/call.ts, shared/model/call-overview.ts), so the totals equal the
 * calls page's for the same calls; the rules are written out for people in messages.ts.
 */
import type { Call } from '@common/call-schemas.ts';
import { dateKeyAt, wallTime, type DateKey } from '@common/copenhagen-time.ts';
import { isMissed, talkSeconds } from '@/shared/model/call.ts';
import { findNotCalledBack, isAnsweredIncoming, isFinished, type NotCalledBack } from '@/shared/model/call-overview.ts';

export type MissedStatus = 'missed' | 'voicemail' | 'orphaned';
export const MISSED_STATUS_LIST: readonly MissedStatus[] = ['missed', 'voicemail', 'orphaned'];

export interface Tally {
  /** Incoming calls. */
  incoming: number;
  /** Incoming calls that have ended (not `new`/`ringing`): the answer rate's denominator. */
  finished: number;
  answered: number;
  missed: number;
  /** answered ÷ finished (0–1), or null with nothing finished. */
  answerRate: number | null;
  /** Seconds talked on the answered calls, and their average (null when none). */
  talkTotal: number;
  talkAverage: number | null;
}

export interface Row extends Tally {
  /** `Reception#1`, `Employee#22`. */
  key: string;
  /** Untrusted text (from Firmafon): render as text. */
  name: string;
}

export interface AnswerTimes {
  /** Answered incoming calls with both times known. */
  count: number;
  medianSeconds: number | null;
  p90Seconds: number | null;
  targetSeconds: number;
  /** Calls answered within the target, and their share of the finished incoming calls. */
  withinTarget: number;
  withinTargetShare: number | null;
}

export interface DayCount {
  day: DateKey;
  incoming: number;
  answered: number;
  missed: number;
}

export interface Statistics {
  totals: Tally & { byStatus: Record<MissedStatus, number> };
  byReception: Row[];
  byEmployee: Row[];
  answerTimes: AnswerTimes;
  /** Missed incoming calls by weekday (0 = Monday … 6 = Sunday) × hour (0–23), Copenhagen time. */
  missedHeat: number[][];
  perDay: DayCount[];
  notCalledBack: NotCalledBack[];
}

interface Acc {
  incoming: number;
  finished: number;
  answered: number;
  missed: number;
  talkTotal: number;
  talkCount: number;
}

const emptyAcc = (): Acc => ({ incoming: 0, finished: 0, answered: 0, missed: 0, talkTotal: 0, talkCount: 0 });

function tallyOf(acc: Acc): Tally {
  return {
    incoming: acc.incoming,
    finished: acc.finished,
    answered: acc.answered,
    missed: acc.missed,
    answerRate: acc.finished > 0 ? acc.answered / acc.finished : null,
    talkTotal: acc.talkTotal,
    talkAverage: acc.talkCount > 0 ? acc.talkTotal / acc.talkCount : null,
  };
}

/** Seconds from start to answer; null without `answered_at` or when the times are inconsistent. */
export function answerSeconds(call: Pick<Call, 'started_at' | 'answered_at'>): number | null {
  if (call.answered_at === null) return null;
  const started = Date.parse(call.started_at);
  const answered = Date.parse(call.answered_at);
  if (Number.isNaN(started) || Number.isNaN(answered) || answered < started) return null;
  return Math.round((answered - started) / 1000);
}

/** The median of sorted values: the middle one, or the mean of the two middle ones. */
export function median(sorted: readonly number[]): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const mid = Math.floor(n / 2);
  return n % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The nearest-rank percentile (0 < p ≤ 1) of sorted values: the smallest value at or above p of them. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
}

function employeeEndpointsOf(call: Call): Set<string> {
  const rung = new Set<string>();
  for (const node of call.nodes) {
    if (node.node_type === 'employee' && node.endpoint?.startsWith('Employee#')) rung.add(node.endpoint);
  }
  if (call.answered_by?.id != null) rung.add(`Employee#${call.answered_by.id}`);
  return rung;
}

function rowsOf(map: Map<string, { name: string; acc: Acc }>): Row[] {
  return [...map]
    .map(([key, { name, acc }]) => ({ key, name, ...tallyOf(acc) }))
    .sort((a, b) => b.incoming - a.incoming || a.name.localeCompare(b.name));
}

/**
 * The figures for `calls` over `days`. `names` (endpoint → name, from the receptions and employees) names
 * an employee who was rung but never answered; otherwise names come from the calls.
 */
export function computeStatistics(
  calls: readonly Call[],
  { days, targetSeconds, names = new Map() }: { days: readonly DateKey[]; targetSeconds: number; names?: ReadonlyMap<string, string> },
): Statistics {
  const total = emptyAcc();
  const byStatus: Record<MissedStatus, number> = { missed: 0, voicemail: 0, orphaned: 0 };
  const receptions = new Map<string, { name: string; acc: Acc }>();
  const employees = new Map<string, { name: string; acc: Acc }>();
  const perDay = new Map<DateKey, DayCount>(days.map((day) => [day, { day, incoming: 0, answered: 0, missed: 0 }]));
  const heat = Array.from({ length: 7 }, () => Array<number>(24).fill(0));
  const times: number[] = [];
  let withinTarget = 0;

  const add = (acc: Acc, call: Call, answered: boolean): void => {
    acc.incoming += 1;
    if (isFinished(call)) acc.finished += 1;
    if (answered) {
      acc.answered += 1;
      const talk = talkSeconds(call);
      if (talk !== null) {
        acc.talkTotal += talk;
        acc.talkCount += 1;
      }
    } else if (isMissed(call)) acc.missed += 1;
  };

  for (const call of calls) {
    if (call.direction !== 'incoming') continue;
    const answered = isAnsweredIncoming(call);
    const missed = isMissed(call);
    add(total, call, answered);
    if (missed) byStatus[call.status as MissedStatus] += 1;

    const receptionKey = call.endpoint ?? '—';
    let reception = receptions.get(receptionKey);
    if (!reception) {
      reception = { name: call.endpoint_name ?? names.get(receptionKey) ?? receptionKey, acc: emptyAcc() };
      receptions.set(receptionKey, reception);
    }
    add(reception.acc, call, answered);

    const answerer = call.answered_by?.id != null ? `Employee#${call.answered_by.id}` : null;
    for (const key of employeeEndpointsOf(call)) {
      let employee = employees.get(key);
      if (!employee) {
        employee = { name: names.get(key) ?? key, acc: emptyAcc() };
        employees.set(key, employee);
      }
      if (key === answerer && call.answered_by?.name) employee.name = call.answered_by.name;
      // Answered counts for the one who answered; a call a colleague answered is neither answered nor missed here.
      add(employee.acc, call, answered && key === answerer);
    }

    const started = Date.parse(call.started_at);
    const dayCount = perDay.get(dateKeyAt(started));
    if (dayCount) {
      dayCount.incoming += 1;
      if (answered) dayCount.answered += 1;
      if (missed) dayCount.missed += 1;
    }
    if (missed) {
      const wall = wallTime(started);
      heat[(wall.weekday + 6) % 7]![wall.hour]! += 1;
    }
    if (answered) {
      const seconds = answerSeconds(call);
      if (seconds !== null) {
        times.push(seconds);
        if (seconds <= targetSeconds) withinTarget += 1;
      }
    }
  }

  times.sort((a, b) => a - b);
  const totals = tallyOf(total);
  return {
    totals: { ...totals, byStatus },
    byReception: rowsOf(receptions),
    byEmployee: rowsOf(employees),
    answerTimes: {
      count: times.length,
      medianSeconds: median(times),
      p90Seconds: percentile(times, 0.9),
      targetSeconds,
      withinTarget,
      withinTargetShare: totals.finished > 0 ? withinTarget / totals.finished : null,
    },
    missedHeat: heat,
    perDay: [...perDay.values()],
    notCalledBack: findNotCalledBack(calls),
  };
}
