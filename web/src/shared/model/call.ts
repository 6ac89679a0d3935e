/**
 * A Firmafon call as the dashboard reads it: who is on each end, how long they talked, whether it counts as missed.
 * Pure. Names come from other people: callers render them as React text, never as HTML.
 */
import type { Call } from '@common/call-schemas.ts';
import { formatPhoneNumber } from '@common/phone.ts';
import { secondsBetween } from '@/shared/format/format.ts';

/**
 * Talk time in seconds: Firmafon's `talk_duration` when it sends one, else `ended_at − answered_at`.
 * Null for calls nobody answered (and for answered calls that are still going on).
 */
export function talkSeconds(call: Pick<Call, 'talk_duration' | 'answered_at' | 'ended_at'>): number | null {
  if (call.talk_duration !== null && (call.answered_at !== null || call.talk_duration > 0)) {
    return Math.max(0, call.talk_duration);
  }
  if (call.answered_at === null) return null;
  return secondsBetween(call.answered_at, call.ended_at);
}

/** One end of a call as people should read it. */
export interface Party {
  /** The contact's name, when the number belongs to a known contact. Untrusted text. */
  name: string | null;
  /** The number formatted for people (`+45 12 34 56 78`), or null when there is none or it is hidden. */
  number: string | null;
  /** The caller withheld the number (or Firmafon sent none). */
  hidden: boolean;
}

function cleanName(name: string | null | undefined): string | null {
  const trimmed = name?.trim();
  return trimmed ? trimmed : null;
}

export function partyOf(call: Call, side: 'from' | 'to'): Party {
  const contact = side === 'from' ? call.from_contact : call.to_contact;
  const raw = (side === 'from' ? call.from_number : call.to_number)?.trim() || null;
  const hidden = (side === 'from' && call.from_number_hidden === true) || raw === null;
  const name = cleanName(contact?.name);
  return { name, number: hidden || raw === null ? null : formatPhoneNumber(raw), hidden };
}

/** Statuses that mean nobody talked to the caller. */
export const MISSED_STATUSES: ReadonlySet<string> = new Set(['missed', 'voicemail', 'orphaned']);

export function isMissed(call: Pick<Call, 'status'>): boolean {
  return call.status !== null && MISSED_STATUSES.has(call.status);
}
