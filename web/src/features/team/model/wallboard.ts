/**
 * The wallboard's figures, from the same data and the same counting as the pages that show them in detail: calls
 * waiting and the longest wait as calls in progress count them (shared/model/live-calls.ts), today's answered share
 * and missed-not-called-back as the calls page's overview counts them (shared/model/call-overview.ts), and who is
 * available as the team board reads presence (model/presence.ts). Pure.
 */
import type { Call, CallNode } from '@common/call-schemas.ts';
import { computeDayOverview, findNotCalledBack } from '@/shared/model/call-overview.ts';
import { liveCallsFrom, waitingSummary, type WaitingSummary } from '@/shared/model/live-calls.ts';
import { presenceOf, sortByAvailability } from './presence.ts';

export interface DayFigures {
  /** Answered incoming ÷ finished incoming (0–1), or null before the first finished incoming call. */
  answeredRate: number | null;
  /** Callers (one per number) whose latest call today was missed and who were not called back. */
  notCalledBack: number;
}

export function dayFigures(calls: readonly Call[]): DayFigures {
  return { answeredRate: computeDayOverview(calls).answeredRate, notCalledBack: findNotCalledBack(calls).length };
}

export function waitingFigures(nodes: readonly CallNode[]): WaitingSummary {
  return waitingSummary(liveCallsFrom(nodes));
}

interface Person {
  name: string;
  live_presence: string | null;
  do_not_disturb: boolean | null;
}

/** The names of those who can take a call now, in Danish alphabetical order. */
export function availableNames(members: readonly Person[]): string[] {
  return sortByAvailability(members.filter((m) => presenceOf(m) === 'available')).map((m) => m.name);
}
