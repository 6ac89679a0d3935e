import { describe, expect, it } from 'vitest';
import { longestRendererTask } from './browser.ts';

const meta = (pid: number, tid: number, name: string) => ({ ph: 'M', name: 'thread_name', pid, tid, args: { name } });
const task = (pid: number, tid: number, ts: number, dur: number, tdur: number, name = 'RunTask') => ({ ph: 'X', name, pid, tid, ts, dur, tdur });

describe('longestRendererTask', () => {
  it('takes the longest RunTask of a renderer main thread and names what ran inside it', () => {
    const trace = JSON.stringify({
      traceEvents: [
        meta(1, 10, 'CrRendererMain'),
        meta(2, 20, 'CrBrowserMain'),
        task(1, 10, 0, 12_000, 11_000),
        task(1, 10, 20_000, 61_000, 40_000),
        task(1, 10, 21_000, 30_000, 30_000, 'FunctionCall'),
        task(1, 10, 55_000, 20_000, 9_000, 'Layout'),
        task(2, 20, 0, 500_000, 500_000),
      ],
    });
    expect(longestRendererTask(trace)).toEqual({ longestMs: 61, longestCpuMs: 40, tasks: 2, breakdown: 'FunctionCall 30.0 ms, Layout 20.0 ms' });
  });
});
