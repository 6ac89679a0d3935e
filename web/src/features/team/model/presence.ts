/**
 * Presence as the team board reads it: Firmafon's `live_presence` in five known states (anything else is
 * "unknown"), an order that puts the people who can take a call now first, a group's state from its members, search
 * by name, and since when each person has been in their state where that is known. Pure.
 */
export const PRESENCES = ['available', 'ringing', 'busy', 'do_not_disturb', 'unknown'] as const;
export type Presence = (typeof PRESENCES)[number];

const isPresence = (value: string): value is Presence => (PRESENCES as readonly string[]).includes(value);

interface PresenceFields {
  live_presence: string | null;
  do_not_disturb: boolean | null;
}

/** The person's state; do-not-disturb wins over "available" (Firmafon may report both for a moment). */
export function presenceOf(member: PresenceFields): Presence {
  const raw = member.live_presence ?? 'unknown';
  const presence = isPresence(raw) ? raw : 'unknown';
  if (member.do_not_disturb === true && (presence === 'available' || presence === 'unknown')) return 'do_not_disturb';
  return presence;
}

/** Who can take a call now comes first; then those about to be free (ringing, busy); then the rest. */
const RANK: Record<Presence, number> = { available: 0, ringing: 1, busy: 2, do_not_disturb: 3, unknown: 4 };

/** Sorted by presence (available first), then by name in Danish alphabetical order (Æ, Ø, Å last). */
export function sortByAvailability<T extends PresenceFields & { name: string }>(members: readonly T[]): T[] {
  const collator = new Intl.Collator('da', { sensitivity: 'base' });
  return [...members].sort((a, b) => RANK[presenceOf(a)] - RANK[presenceOf(b)] || collator.compare(a.name, b.name));
}

/** A group is available when at least one member is; otherwise the state of its most available member. */
export function groupPresence(memberPresences: readonly Presence[]): Presence {
  let best: Presence = 'unknown';
  for (const p of memberPresences) if (RANK[p] < RANK[best]) best = p;
  return best;
}

const fold = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLocaleLowerCase('da');

/** Whether `name` matches what was typed: every word, case and accents ignored, anywhere in the name. */
export function matchesSearch(name: string, query: string): boolean {
  const words = fold(query).split(/\s+/).filter(Boolean);
  const folded = fold(name);
  return words.every((w) => folded.includes(w));
}

export interface SinceEntry {
  presence: Presence;
  /** When the person entered `presence` (ms), or null when not known (first seen in it). */
  since: number | null;
}

interface SinceFields extends PresenceFields {
  id: number | string;
  busy_since?: string | null;
}

/**
 * Since when each person has been in their state: Firmafon's `busy_since` when it gives one; otherwise the time this
 * browser first saw the change (known to within one poll); unknown for a state the person was already in when the
 * board first loaded.
 */
export function trackSince(previous: Readonly<Record<string, SinceEntry>> | undefined, members: readonly SinceFields[], nowMs: number): Record<string, SinceEntry> {
  const next: Record<string, SinceEntry> = {};
  for (const member of members) {
    const key = String(member.id);
    const presence = presenceOf(member);
    const before = previous?.[key];
    const busySince = member.busy_since ? Date.parse(member.busy_since) : Number.NaN;
    if (presence === 'busy' && !Number.isNaN(busySince)) next[key] = { presence, since: busySince };
    else if (before && before.presence === presence) next[key] = before;
    else next[key] = { presence, since: before ? nowMs : null };
  }
  return next;
}
