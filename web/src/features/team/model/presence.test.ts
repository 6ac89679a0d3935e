import { describe, expect, it } from 'vitest';
import { groupPresence, matchesSearch, presenceOf, sortByAvailability, trackSince } from './presence.ts';

const person = (name: string, live_presence: string | null, do_not_disturb = false, id: number | string = name) => ({ id, name, live_presence, do_not_disturb });

describe('presenceOf', () => {
  it('reads the five known states and anything else as unknown', () => {
    expect(['available', 'ringing', 'busy', 'do_not_disturb', 'unknown', 'away', null].map((p) => presenceOf(person('x', p)))).toEqual([
      'available',
      'ringing',
      'busy',
      'do_not_disturb',
      'unknown',
      'unknown',
      'unknown',
    ]);
  });

  it('lets do-not-disturb win over available, but not over a call in progress', () => {
    expect(presenceOf(person('x', 'available', true))).toBe('do_not_disturb');
    expect(presenceOf(person('x', 'busy', true))).toBe('busy');
  });
});

describe('sortByAvailability', () => {
  it('puts the people who can take a call first, then ringing, busy, do not disturb and unknown, by name within each', () => {
    const sorted = sortByAvailability([
      person('Åse', 'available'),
      person('Zacharias', 'unknown'),
      person('Bo', 'busy'),
      person('Ærenfried', 'available'),
      person('Anne', 'available'),
      person('Carl', 'ringing'),
      person('Dorte', 'available', true),
    ]);
    expect(sorted.map((p) => p.name)).toEqual(['Anne', 'Ærenfried', 'Åse', 'Carl', 'Bo', 'Dorte', 'Zacharias']);
  });
});

describe('groupPresence', () => {
  it('is available when one member is, else the most available state, and unknown for an empty group', () => {
    expect(groupPresence(['busy', 'available', 'do_not_disturb'])).toBe('available');
    expect(groupPresence(['busy', 'do_not_disturb'])).toBe('busy');
    expect(groupPresence([])).toBe('unknown');
  });
});

describe('matchesSearch', () => {
  it('matches every typed word anywhere in the name, ignoring case and accents', () => {
    expect(matchesSearch('Jens Østergaard', 'øst')).toBe(true);
    expect(matchesSearch('Jens Østergaard', 'JENS  øster')).toBe(true);
    expect(matchesSearch('René Sørensen', 'rene')).toBe(true);
    expect(matchesSearch('Mette Jensen', 'lars')).toBe(false);
    expect(matchesSearch('Mette Jensen', '  ')).toBe(true);
  });
});

describe('trackSince', () => {
  it('does not know since when for the state someone is in when the board first loads', () => {
    expect(trackSince(undefined, [person('a', 'available', false, 1)], 1000)).toEqual({ 1: { presence: 'available', since: null } });
  });

  it('records the time a change is first seen, and keeps it while the state lasts', () => {
    const first = trackSince(undefined, [person('a', 'available', false, 1)], 1000);
    const changed = trackSince(first, [person('a', 'busy', false, 1)], 5000);
    expect(changed[1]).toEqual({ presence: 'busy', since: 5000 });
    expect(trackSince(changed, [person('a', 'busy', false, 1)], 9000)[1]).toEqual({ presence: 'busy', since: 5000 });
  });

  it("uses Firmafon's busy_since when it gives one", () => {
    const since = trackSince(undefined, [{ ...person('a', 'busy', false, 1), busy_since: '2026-11-30T10:00:00Z' }], 1000);
    expect(since[1]).toEqual({ presence: 'busy', since: Date.parse('2026-11-30T10:00:00Z') });
  });
});
