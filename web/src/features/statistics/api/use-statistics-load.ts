/**
 * Loads a period's calls window by window (model/windows.ts) through the query cache, with progress, a cancel
 * and a retry of the days that failed. Cached windows come back at once; only missing or stale ones are fetched.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Call, CallsQuery } from '@common/call-schemas.ts';
import type { DateKey } from '@common/copenhagen-time.ts';
import { statisticsQueries } from './statistics-queries.ts';
import { dayWindows, isClosedWindow, loadWindows } from '../model/windows.ts';
import type { Period } from '../model/period.ts';

export type LoadPhase = 'loading' | 'done' | 'cancelled' | 'failed';

export interface StatisticsLoad {
  phase: LoadPhase;
  /** Calls per loaded day. */
  loaded: ReadonlyMap<DateKey, readonly Call[]>;
  loadedCalls: number;
  daysDone: number;
  days: number;
  /** Days that failed after their retries (figures are partial). */
  failed: DateKey[];
  /** Days never loaded because of a cancel (figures are partial). */
  notLoaded: DateKey[];
  /** The error that ended the whole load (e.g. a 401), if any. */
  error: unknown;
  cancel: () => void;
  /** Loads again; windows already in the cache are not fetched again. */
  reload: () => void;
}

interface State {
  /** The load this state belongs to (`key#run`); a state of an earlier load reads as a fresh one. */
  id: string;
  phase: LoadPhase;
  loaded: Map<DateKey, readonly Call[]>;
  loadedCalls: number;
  settled: number;
  failed: DateKey[];
  notLoaded: DateKey[];
  error: unknown;
}

const initial = (id: string): State => ({ id, phase: 'loading', loaded: new Map(), loadedCalls: 0, settled: 0, failed: [], notLoaded: [], error: null });

export function useStatisticsLoad(period: Period, base: CallsQuery, key: string): StatisticsLoad {
  const queryClient = useQueryClient();
  const [run, setRun] = useState(0);
  const id = `${key}#${run}`;
  const [stored, setStored] = useState<State>(() => initial(id));
  const state = stored.id === id ? stored : initial(id);
  /** Updates the state of load `loadId`, starting from a fresh one if the stored state is an earlier load's. */
  const update = useCallback((loadId: string, change: (previous: State) => Partial<State>) => {
    setStored((previous) => {
      const base = previous.id === loadId ? previous : initial(loadId);
      return { ...base, ...change(base) };
    });
  }, []);
  const controllerRef = useRef<AbortController | null>(null);
  const windowsCount = dayWindows(period).length;

  useEffect(() => {
    const controller = new AbortController();
    controllerRef.current = controller;
    // False once this load is replaced (new period, reload, unmount): its results must not reach the new one.
    let current = true;
    const windows = dayWindows(period, base);
    const now = Date.now();
    let loadedCalls = 0;
    let settled = 0;
    const loaded = new Map<DateKey, readonly Call[]>();
    loadWindows({
      windows,
      signal: controller.signal,
      fetchWindow: (window) => queryClient.fetchQuery(statisticsQueries.window(window, isClosedWindow(window.day, now))),
      onWindow: (window, calls) => {
        if (!current) return;
        settled += 1;
        if (calls) {
          loaded.set(window.day, calls);
          loadedCalls += calls.length;
        }
        const snapshot = { loaded: new Map(loaded), loadedCalls, settled };
        update(id, () => snapshot);
      },
    }).then(
      (result) => {
        if (!current) return;
        update(id, () => ({
          phase: result.cancelled ? 'cancelled' : result.failed.length > 0 ? 'failed' : 'done',
          loaded: new Map(result.loaded),
          failed: result.failed,
          notLoaded: result.notLoaded,
        }));
      },
      (error: unknown) => {
        if (!current) return;
        update(id, () => ({ phase: 'failed', error }));
      },
    );
    return () => {
      current = false;
      controller.abort();
    };
    // `key` stands for period and base (their URL form); `run` restarts the load.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id, queryClient, update]);

  const cancel = useCallback(() => {
    const controller = controllerRef.current;
    if (!controller || controller.signal.aborted) return;
    controller.abort();
    void queryClient.cancelQueries({ queryKey: statisticsQueries.windows(), fetchStatus: 'fetching' });
    update(id, (previous) => ({
      phase: 'cancelled',
      notLoaded: dayWindows(period)
        .map((w) => w.day)
        .filter((day) => !previous.loaded.has(day) && !previous.failed.includes(day)),
    }));
  }, [queryClient, period, id, update]);

  const reload = useCallback(() => setRun((n) => n + 1), []);

  return {
    phase: state.phase,
    loaded: state.loaded,
    loadedCalls: state.loadedCalls,
    daysDone: state.loaded.size,
    days: windowsCount,
    failed: state.failed,
    notLoaded: state.notLoaded,
    error: state.error,
    cancel,
    reload,
  };
}
