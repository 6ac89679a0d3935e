import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { employeeQueries } from '@/shared/api/employees.ts';
import { receptionQueries } from '@/shared/api/receptions.ts';
import { makeCall } from '@/shared/testing/make-call.ts';
import type { CallFilters } from '@/shared/model/call-filters.ts';
import { callQueries, findCachedCall } from './call-queries.ts';

const FILTERS: CallFilters[] = [
  {},
  { direction: 'incoming' },
  { direction: 'outgoing' },
  { status: 'missed' },
  { status: 'missed', direction: 'incoming' },
  { number: '4512345678' },
  { endpoint: 'Reception#1' },
  { endpoint: 'Employee#1' },
  { from: '2026-11-01' },
  { to: '2026-11-01' },
  { from: '2026-11-01', to: '2026-11-30' },
];

const keyText = (key: readonly unknown[]) => JSON.stringify(key);

describe('query keys', () => {
  it('gives every set of filters its own list, newest-page and day key', () => {
    const keys = [
      ...FILTERS.map((f) => keyText(callQueries.list(f).queryKey)),
      ...FILTERS.map((f) => keyText(callQueries.latest(f).queryKey)),
      keyText(callQueries.day('2026-11-29').queryKey),
      keyText(callQueries.day('2026-11-30').queryKey),
      keyText(callQueries.detail('a').queryKey),
      keyText(callQueries.detail('b').queryKey),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('gives equal filters equal keys, whatever order they were written in', () => {
    const a = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    a.setQueryData(callQueries.list({ direction: 'incoming', status: 'missed' }).queryKey, { pages: [[makeCall()]], pageParams: [null] });
    expect(a.getQueryData(callQueries.list({ status: 'missed', direction: 'incoming' }).queryKey)?.pages).toHaveLength(1);
  });

  it('builds every calls key under one root, so one invalidation reaches them all', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    for (const options of [callQueries.list({}), callQueries.latest({}), callQueries.day('2026-11-30'), callQueries.detail('x')]) {
      client.setQueryData(options.queryKey, [] as never);
    }
    await client.invalidateQueries({ queryKey: callQueries.all });
    expect(client.getQueryCache().findAll().every((query) => query.state.isInvalidated)).toBe(true);
  });

  it('keeps the signed-in employee, the employee list and the receptions apart', () => {
    const keys = [employeeQueries.me().queryKey, employeeQueries.list().queryKey, receptionQueries.list().queryKey].map(keyText);
    expect(new Set(keys).size).toBe(3);
    expect(employeeQueries.me().queryKey.slice(0, 1)).toEqual(employeeQueries.all);
  });
});

describe('findCachedCall', () => {
  it('finds a call in any cached list, newest page or detail', () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const inList = makeCall();
    const inLatest = makeCall();
    client.setQueryData(callQueries.list({}).queryKey, { pages: [[makeCall(), inList]], pageParams: [null] });
    client.setQueryData(callQueries.latest({ direction: 'incoming' }).queryKey, [inLatest]);
    expect(findCachedCall(client, inList.call_uuid)).toBe(inList);
    expect(findCachedCall(client, inLatest.call_uuid)).toBe(inLatest);
    expect(findCachedCall(client, 'nowhere')).toBeUndefined();
  });
});
