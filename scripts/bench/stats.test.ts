import { describe, expect, it } from 'vitest';
import { percentile, summarize } from './stats.ts';

describe('percentile', () => {
  it('picks the nearest-rank sample, never an interpolated value', () => {
    const sorted = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(percentile(sorted, 50)).toBe(5);
    expect(percentile(sorted, 99)).toBe(10);
    expect(percentile(sorted, 0)).toBe(1);
  });

  it('is NaN for no samples', () => {
    expect(percentile([], 50)).toBeNaN();
  });
});

describe('summarize', () => {
  it('sorts the samples and reports min, median, p99 and max', () => {
    expect(summarize([7, 1, 5, 3, 9, 2, 8])).toEqual({ n: 7, min: 1, p50: 5, p99: 9, max: 9 });
  });
});
