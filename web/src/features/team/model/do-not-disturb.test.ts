import { describe, expect, it } from 'vitest';
import { dndActive, dndOn, DND_OFF, withDoNotDisturb } from './do-not-disturb.ts';

const NOW = Date.parse('2026-11-30T13:20:00Z'); // 14:20 in Copenhagen

describe('dndOn', () => {
  it('ends after an hour, two hours, at the next midnight in Copenhagen, or not at all', () => {
    expect(dndOn('hour', NOW)).toEqual({ do_not_disturb: true, dnd_timeout_at: '2026-11-30T14:20:00.000Z' });
    expect(dndOn('twoHours', NOW).dnd_timeout_at).toBe('2026-11-30T15:20:00.000Z');
    expect(dndOn('tomorrow', NOW).dnd_timeout_at).toBe('2026-11-30T23:00:00.000Z');
    expect(dndOn('untilOff', NOW)).toEqual({ do_not_disturb: true, dnd_timeout_at: null });
  });

  it('turns off with an explicit false and a cleared timeout', () => {
    expect(DND_OFF).toEqual({ do_not_disturb: false, dnd_timeout_at: null });
  });
});

describe('withDoNotDisturb', () => {
  const mette = { id: 1, name: 'Mette', live_presence: 'available', do_not_disturb: false, dnd_timeout_at: null };

  it('shows do not disturb at once, and available again when it is turned off', () => {
    const on = withDoNotDisturb(mette, dndOn('hour', NOW));
    expect(on).toMatchObject({ live_presence: 'do_not_disturb', do_not_disturb: true, dnd_timeout_at: '2026-11-30T14:20:00.000Z' });
    expect(withDoNotDisturb(on, DND_OFF)).toMatchObject({ live_presence: 'available', do_not_disturb: false, dnd_timeout_at: null });
  });

  it('keeps a call in progress visible', () => {
    expect(withDoNotDisturb({ ...mette, live_presence: 'busy' }, dndOn('untilOff', NOW)).live_presence).toBe('busy');
  });

  it('does not add a timeout field to a person shape that has none', () => {
    expect('dnd_timeout_at' in withDoNotDisturb({ live_presence: 'available', do_not_disturb: false }, DND_OFF)).toBe(false);
  });
});

describe('dndActive', () => {
  it('is off once the timeout has passed', () => {
    expect(dndActive({ live_presence: 'x', do_not_disturb: true, dnd_timeout_at: '2026-11-30T13:00:00Z' }, NOW)).toBe(false);
    expect(dndActive({ live_presence: 'x', do_not_disturb: true, dnd_timeout_at: null }, NOW)).toBe(true);
    expect(dndActive({ live_presence: 'x', do_not_disturb: false, dnd_timeout_at: null }, NOW)).toBe(false);
  });
});
