import { describe, expect, it } from 'vitest';
import { nextPresence, pollPhaseOffsets, summarizeEventToScreen } from './live-updates.ts';

describe('summarizeEventToScreen', () => {
  it('gives nearest-rank p50 and p95, so each is a real sample, with the range and the count', () => {
    const samples = Array.from({ length: 20 }, (_, i) => (20 - i) * 10);
    expect(summarizeEventToScreen(samples)).toEqual({ n: 20, min: 10, p50: 100, p95: 190, max: 200 });
  });

  it('takes the highest sample as p95 when there are too few for one below it', () => {
    expect(summarizeEventToScreen([30, 10, 20])).toEqual({ n: 3, min: 10, p50: 20, p95: 30, max: 30 });
  });

  it('has no figures without samples', () => {
    const summary = summarizeEventToScreen([]);
    expect(summary.n).toBe(0);
    expect(summary.p50).toBeNaN();
    expect(summary.p95).toBeNaN();
  });
});

describe('pollPhaseOffsets', () => {
  it('spreads the changes evenly over the poll’s period, starting right after a poll', () => {
    expect(pollPhaseOffsets(4, 10_000)).toEqual([0, 2500, 5000, 7500]);
    expect(pollPhaseOffsets(3, 10_000)).toEqual([0, 3333, 6667]);
  });

  it('gives none for no changes', () => {
    expect(pollPhaseOffsets(0, 10_000)).toEqual([]);
  });
});

describe('nextPresence', () => {
  it('turns busy into available and anything else into busy, so every change is a change', () => {
    expect(nextPresence('busy')).toBe('available');
    expect(nextPresence('available')).toBe('busy');
    expect(nextPresence('unknown')).toBe('busy');
    expect(nextPresence(null)).toBe('busy');
  });
});
