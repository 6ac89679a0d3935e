/** Summaries of timing samples: nearest-rank percentiles (no interpolation), so every figure is a real sample. */

export interface Summary {
  n: number;
  min: number;
  p50: number;
  p99: number;
  max: number;
}

/** The nearest-rank percentile `p` (0–100) of `sorted` (ascending). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] ?? Number.NaN;
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    n: sorted.length,
    min: sorted[0] ?? Number.NaN,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
  };
}
