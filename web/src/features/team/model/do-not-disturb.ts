/**
 * My do-not-disturb: the choices offered (for an hour, two hours, until tomorrow, until turned off), the write each
 * becomes (common/write-contract.ts), and how a person looks once it is applied — what the board shows at once,
 * before Firmafon answers. Pure.
 */
import { dateKeyAt, nextDateKey, startOfDay } from '@common/copenhagen-time.ts';
import type { EmployeeUpdate } from '@common/write-contract.ts';

export const DND_CHOICES = ['hour', 'twoHours', 'tomorrow', 'untilOff'] as const;
export type DndChoice = (typeof DND_CHOICES)[number];

const HOUR = 3_600_000;

/** The write that turns do-not-disturb on for `choice`, from `nowMs`. "Tomorrow" is the next midnight in Copenhagen. */
export function dndOn(choice: DndChoice, nowMs: number): EmployeeUpdate {
  const until: Record<DndChoice, number | null> = {
    hour: nowMs + HOUR,
    twoHours: nowMs + 2 * HOUR,
    tomorrow: startOfDay(nextDateKey(dateKeyAt(nowMs))),
    untilOff: null,
  };
  const at = until[choice];
  return { do_not_disturb: true, dnd_timeout_at: at === null ? null : new Date(at).toISOString() };
}

/** Turning it off sends an explicit `false` and clears the timeout (firmafon-api.md). */
export const DND_OFF: EmployeeUpdate = { do_not_disturb: false, dnd_timeout_at: null };

interface DndFields {
  live_presence: string | null;
  do_not_disturb: boolean | null;
  dnd_timeout_at?: string | null;
}

/** The person as they will be once Firmafon applies `update`: a call in progress still shows as ringing or busy. */
export function withDoNotDisturb<T extends DndFields>(member: T, update: EmployeeUpdate): T {
  const inCall = member.live_presence === 'busy' || member.live_presence === 'ringing';
  const presence = inCall ? member.live_presence : update.do_not_disturb ? 'do_not_disturb' : 'available';
  const next: T = { ...member, do_not_disturb: update.do_not_disturb, live_presence: presence };
  // The shared employee shape has no timeout field; only a shape that has one gets it.
  if ('dnd_timeout_at' in member) {
    next.dnd_timeout_at = update.do_not_disturb ? (update.dnd_timeout_at ?? null) : null;
  }
  return next;
}

/** Whether do-not-disturb is on at `nowMs` (a timeout in the past has ended it). */
export function dndActive(member: DndFields, nowMs: number): boolean {
  if (member.do_not_disturb !== true) return false;
  if (!member.dnd_timeout_at) return true;
  return Date.parse(member.dnd_timeout_at) > nowMs;
}
