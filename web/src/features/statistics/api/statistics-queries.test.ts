import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { makeCall } from '@/shared/testing/make-call.ts';
import { dayWindows } from '../model/windows.ts';
import { statisticsQueries } from './statistics-queries.ts';

const [day] = dayWindows({ from: '2026-11-01', to: '2026-11-01' });
const newClient = () => new QueryClient({ defaultOptions: { queries: { retry: false } } });
const longAgo = () => Date.now() - 24 * 60 * 60_000;

describe('statisticsQueries.window', () => {
  it('gives each day and each narrowing its own key, under one root', () => {
    const keys = [
      ...dayWindows({ from: '2026-11-01', to: '2026-11-03' }),
      ...dayWindows({ from: '2026-11-01', to: '2026-11-03' }, { endpoint: 'Reception#1' }),
    ].map((w) => JSON.stringify(statisticsQueries.window(w, true).queryKey));
    expect(new Set(keys).size).toBe(6);
    expect(statisticsQueries.window(day!, true).queryKey.slice(0, 2)).toEqual(statisticsQueries.windows());
  });

  it('never fetches a closed window again within the session, however old its data', async () => {
    const client = newClient();
    const calls = [makeCall()];
    client.setQueryData(statisticsQueries.window(day!, true).queryKey, calls, { updatedAt: longAgo() });
    // No one is signed in: a request would fail with 401 before reaching the network.
    await expect(client.fetchQuery(statisticsQueries.window(day!, true))).resolves.toBe(calls);
  });

  it('fetches an open window (today) again once it is a minute old', async () => {
    const client = newClient();
    client.setQueryData(statisticsQueries.window(day!, false).queryKey, [makeCall()], { updatedAt: longAgo() });
    await expect(client.fetchQuery(statisticsQueries.window(day!, false))).rejects.toMatchObject({ status: 401 });
  });
});
