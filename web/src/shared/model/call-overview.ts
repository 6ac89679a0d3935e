/**
 * Today's numbers and the "missed and not called back" list, computed from a day's calls. Pure.
 */
import type { Call } from '@common/call-schemas.ts';
import { phoneNumberKey } from '@common/phone.ts';
import { isMissed, talkSeconds } from './call.ts';

export interface DayOverview {
  incoming: number;
  outgoing: number;
  /** Incoming calls nobody answered (missed, voicemail, orphaned). */
  missed: number;
  /** Answered incoming calls ÷ finished incoming calls (0–1), or null when there were none. */
  answeredRate: number | null;
  /** Average talk time of answered calls in seconds, or null when none was answered. */
  averageTalkSeconds: number | null;
}

/** Still ringing or just created: neither answered nor missed yet. */
const UNFINISHED = new Set(['new', 'ringing']);

/** A call that has ended one way or the other (answered or missed): the denominator of an answer rate. */
export function isFinished(call: Pick<Call, 'status'>): boolean {
  return !UNFINISHED.has(call.status ?? '');
}

/** An incoming call somebody answered (the numerator of an answer rate). */
export function isAnsweredIncoming(call: Pick<Call, 'status' | 'direction'>): boolean {
  return call.direction === 'incoming' && !isMissed(call) && call.status === 'answered';
}

export function computeDayOverview(calls: readonly Call[]): DayOverview {
  let incoming = 0;
  let outgoing = 0;
  let missed = 0;
  let incomingFinished = 0;
  let incomingAnswered = 0;
  let talkTotal = 0;
  let talkCount = 0;
  for (const call of calls) {
    if (call.direction === 'incoming') {
      incoming += 1;
      if (isFinished(call)) incomingFinished += 1;
      if (isMissed(call)) missed += 1;
      else if (isAnsweredIncoming(call)) incomingAnswered += 1;
    } else if (call.direction === 'outgoing') {
      outgoing += 1;
    }
    const talk = call.status === 'answered' ? talkSeconds(call) : null;
    if (talk !== null) {
      talkTotal += talk;
      talkCount += 1;
    }
  }
  return {
    incoming,
    outgoing,
    missed,
    answeredRate: incomingFinished > 0 ? incomingAnswered / incomingFinished : null,
    averageTalkSeconds: talkCount > 0 ? talkTotal / talkCount : null,
  };
}

export interface NotCalledBack {
  /** The latest missed call from the number. */
  call: Call;
  /** How many missed calls from the number since the last contact (at least 1). */
  attempts: number;
}

/**
 * Missed incoming calls (missed, voicemail, orphaned) from a number with no later call to or from that number,
 * newest first — one entry per number, counting the unanswered attempts. Hidden numbers cannot be called
 * back and are left out. Numbers are compared in Firmafon's form, so `+45 12 34 56 78` equals `4512345678`.
 */
export function findNotCalledBack(calls: readonly Call[]): NotCalledBack[] {
  const sorted = [...calls].sort((a, b) => Date.parse(b.started_at) - Date.parse(a.started_at));
  // For each number, the calls involving it, newest first.
  const byNumber = new Map<string, Call[]>();
  for (const call of sorted) {
    const numbers = new Set<string>();
    const from = call.from_number_hidden ? null : phoneNumberKey(call.from_number);
    const to = phoneNumberKey(call.to_number);
    if (from) numbers.add(from);
    if (to) numbers.add(to);
    for (const number of numbers) {
      const list = byNumber.get(number);
      if (list) list.push(call);
      else byNumber.set(number, [call]);
    }
  }
  const result: NotCalledBack[] = [];
  for (const [number, involving] of byNumber) {
    const latest = involving[0];
    if (!latest || !isMissedIncomingFrom(latest, number)) continue;
    let attempts = 0;
    for (const call of involving) {
      if (!isMissedIncomingFrom(call, number)) break;
      attempts += 1;
    }
    result.push({ call: latest, attempts });
  }
  return result.sort((a, b) => Date.parse(b.call.started_at) - Date.parse(a.call.started_at));
}

function isMissedIncomingFrom(call: Call, number: string): boolean {
  return (
    call.direction === 'incoming' &&
    isMissed(call) &&
    !call.from_number_hidden &&
    phoneNumberKey(call.from_number) === number
  );
}
