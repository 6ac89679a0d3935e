/**
 * One clock that ticks every second for everything that shows a running time (a call's duration, the longest wait).
 * Components read it through `useSecondClock`, so only they re-render each second, never the page around them; the
 * interval runs only while something listens.
 */
import { useSyncExternalStore } from 'react';

const listeners = new Set<() => void>();
let now = Date.now();
let timer: number | undefined;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === undefined) {
    now = Date.now();
    timer = window.setInterval(() => {
      now = Date.now();
      for (const l of listeners) l();
    }, 1000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== undefined) {
      window.clearInterval(timer);
      timer = undefined;
    }
  };
}

const snapshot = () => now;

/** The browser's time in ms, updated once a second. */
export function useSecondClock(): number {
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}
