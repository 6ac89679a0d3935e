/**
 * When calls happen: start times over the last 30 days in Copenhagen working hours (some today) with a daily
 * rhythm (busy mornings, a lunch dip, quiet weekends), with a few
 * calls sharing one second, or — for the `boundaries` dataset — bursts laid across page boundaries.
 */
import { instantOf, wallTime } from '../../common/copenhagen-time.ts';
import type { Prng } from '../prng.ts';

export const DAY_SECONDS = 86_400;

/**
 * A working day's rhythm (hour of the day in Copenhagen, weight): a morning peak, a dip at lunch, a quieter
 * afternoon. Statistics show it as calls per hour; it is what makes their heat map and presets mean something.
 */
const WEEKDAY_HOURS: ReadonlyArray<readonly [number, number]> = [
  [8, 7],
  [9, 11],
  [10, 12],
  [11, 10],
  [12, 4],
  [13, 8],
  [14, 9],
  [15, 7],
  [16, 3],
];

/** `count` start times (Unix seconds, ascending, all at least a minute before now), some of them today. */
function startTimes(prng: Prng, count: number, nowSec: number, distinct: boolean): number[] {
  const nowParts = wallTime(nowSec * 1000);
  const midnight = Math.floor(instantOf(nowParts.year, nowParts.month, nowParts.day) / 1000);
  const latest = nowSec - 60;
  let todayFrom = midnight + 8 * 3600;
  if (latest - todayFrom < 30 * 60) todayFrom = Math.max(midnight, latest - 6 * 3600);
  if (todayFrom >= latest) todayFrom = latest - 3600;
  const todayCount = Math.min(count, Math.max(4, Math.round(count * 0.05)));

  const days: Array<readonly [{ year: number; month: number; day: number; weekend: boolean }, number]> = [];
  for (let back = 1; back <= 30; back++) {
    const date = new Date(Date.UTC(nowParts.year, nowParts.month - 1, nowParts.day - back));
    const weekday = date.getUTCDay();
    const weekend = weekday === 0 || weekday === 6;
    const value = { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), weekend };
    days.push([value, weekday === 0 ? 0.4 : weekday === 6 ? 0.8 : 5]);
  }

  const seen = new Set<number>();
  const times: number[] = [];
  const add = (make: () => number): void => {
    for (let attempt = 0; ; attempt++) {
      const t = make();
      if (!distinct || !seen.has(t) || attempt > 1000) {
        seen.add(t);
        times.push(t);
        return;
      }
    }
  };
  for (let i = 0; i < todayCount; i++) add(() => prng.int(todayFrom, latest));
  for (let i = todayCount; i < count; i++) {
    add(() => {
      const day = prng.weighted(days);
      let secondOfDay: number;
      if (prng.chance(0.07)) {
        secondOfDay = prng.chance(0.3) ? prng.int(7 * 3600, 8 * 3600) : prng.int(16.5 * 3600, 20 * 3600);
      } else if (day.weekend) {
        secondOfDay = prng.int(10 * 3600, 14 * 3600);
      } else {
        secondOfDay = prng.weighted(WEEKDAY_HOURS) * 3600 + prng.int(0, 3599);
      }
      const h = Math.floor(secondOfDay / 3600);
      const m = Math.floor((secondOfDay % 3600) / 60);
      const s = secondOfDay % 60;
      return Math.min(latest, Math.floor(instantOf(day.year, day.month, day.day, h, m, s) / 1000));
    });
  }
  return times.sort((a, b) => a - b);
}

/** Default data: scattered times, plus a few calls that share one second (one group of three today). */
export function defaultSchedule(prng: Prng, count: number, nowSec: number): number[] {
  const times = startTimes(prng, count, nowSec, false);
  for (let i = 1; i < times.length; i++) {
    if (prng.chance(0.03)) times[i] = times[i - 1] ?? 0;
  }
  if (times.length >= 8) {
    // A guaranteed triple among today's calls (they sit at the end) and a pair further back.
    const j = times.length - 4;
    const t = times[j] ?? 0;
    times[j + 1] = t;
    times[j + 2] = t;
    const k = prng.int(1, Math.max(1, times.length - 10));
    times[k] = times[k - 1] ?? 0;
  }
  return times;
}

/** Page boundaries (0-based index of a page's last call) that must fall inside a burst. */
const FORCED_BOUNDARIES = [29, 59, 99, 129, 199, 299];
export const MAX_BURST = 40;

/**
 * Burst sizes, newest first: runs of 5–40 calls sharing one second, with single calls between them, laid out
 * so that the last call of a page of 30 or 100 (read without overlap) sits inside a burst, not at its end.
 */
export function boundaryLayout(prng: Prng, count: number): number[] {
  const sizes: number[] = [];
  let pos = 0;
  while (pos < count) {
    let size = prng.chance(0.55) ? prng.int(5, MAX_BURST) : prng.int(1, 2);
    const target = FORCED_BOUNDARIES.find((b) => b >= pos && b <= pos + size - 1);
    if (target !== undefined && (size < 5 || target === pos + size - 1)) {
      const wanted = target - pos + 1 + prng.int(2, 9);
      size = wanted <= MAX_BURST ? Math.max(5, wanted) : target - pos - 4;
    }
    size = Math.max(1, Math.min(size, count - pos));
    sizes.push(size);
    pos += size;
  }
  return sizes;
}

export function boundariesSchedule(prng: Prng, count: number, nowSec: number): number[] {
  const sizes = boundaryLayout(prng, count);
  const slots = startTimes(prng, sizes.length, nowSec, true).reverse(); // newest first, like the layout
  const times: number[] = [];
  sizes.forEach((size, i) => {
    const t = slots[i] ?? 0;
    for (let k = 0; k < size; k++) times.push(t);
  });
  return times.sort((a, b) => a - b);
}
