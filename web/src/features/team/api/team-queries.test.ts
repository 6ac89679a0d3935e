import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { TeamMember } from '@common/team-schemas.ts';
import { employeeQueries } from '@/shared/api/employees.ts';
import { dndOn } from '../model/do-not-disturb.ts';
import { applyDoNotDisturb, restoreDoNotDisturb, storeConfirmedMember, teamQueries, withPushedPresence } from './team-queries.ts';

const member = (id: number, name: string, overrides: Partial<TeamMember> = {}): TeamMember => ({
  id,
  name,
  number: `457199990${id}`,
  endpoint: `Employee#${id}`,
  company_id: 1,
  live_presence: 'available',
  do_not_disturb: false,
  has_switch: true,
  dnd_timeout_at: null,
  employee_group_ids: [1],
  busy_since: null,
  ...overrides,
});

function seeded() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  client.setQueryData(teamQueries.members().queryKey, { members: [member(1, 'Mette'), member(2, 'Lars')], since: {} });
  client.setQueryData(teamQueries.me().queryKey, member(1, 'Mette'));
  client.setQueryData(employeeQueries.me().queryKey, member(1, 'Mette'));
  return client;
}

describe('do-not-disturb in the cache', () => {
  it('shows the change on the board and in the header at once, since now', async () => {
    const client = seeded();
    await applyDoNotDisturb(client, 1, dndOn('untilOff', 5000), 5000);
    const board = client.getQueryData(teamQueries.members().queryKey);
    expect(board?.members[0]).toMatchObject({ live_presence: 'do_not_disturb', do_not_disturb: true });
    expect(board?.members[1]).toMatchObject({ live_presence: 'available' });
    expect(board?.since['1']).toEqual({ presence: 'do_not_disturb', since: 5000 });
    expect(client.getQueryData(teamQueries.me().queryKey)).toMatchObject({ do_not_disturb: true });
    expect(client.getQueryData(employeeQueries.me().queryKey)).toMatchObject({ do_not_disturb: true });
  });

  it('rolls every copy back exactly when Firmafon refuses', async () => {
    const client = seeded();
    const before = [teamQueries.members(), teamQueries.me(), employeeQueries.me()].map((q) => client.getQueryData(q.queryKey));
    const snapshot = await applyDoNotDisturb(client, 1, dndOn('hour', 5000), 5000);
    restoreDoNotDisturb(client, snapshot);
    expect([teamQueries.members(), teamQueries.me(), employeeQueries.me()].map((q) => client.getQueryData(q.queryKey))).toEqual(before);
  });

  it("keeps Firmafon's answer as the truth once it accepts", async () => {
    const client = seeded();
    await applyDoNotDisturb(client, 1, dndOn('hour', 5000), 5000);
    storeConfirmedMember(client, member(1, 'Mette', { do_not_disturb: true, live_presence: 'do_not_disturb', dnd_timeout_at: '2026-11-30T14:20:00Z' }));
    expect(client.getQueryData(teamQueries.me().queryKey)?.dnd_timeout_at).toBe('2026-11-30T14:20:00Z');
    expect(client.getQueryData(teamQueries.members().queryKey)?.members[0]?.dnd_timeout_at).toBe('2026-11-30T14:20:00Z');
  });
});

describe('pushed presence in the cache', () => {
  const data = { members: [member(1, 'Mette'), member(2, 'Lars', { live_presence: 'busy' })], since: { '1': { presence: 'available' as const, since: null }, '2': { presence: 'busy' as const, since: null } } };
  const update = (endpoint: string, fields: Partial<Omit<Parameters<typeof withPushedPresence>[1], 'endpoint'>> = {}) => ({
    endpoint,
    live_presence: 'available',
    busy_since: null,
    do_not_disturb: false,
    dnd_timeout_at: null,
    ...fields,
  });

  it("changes the person's presence and since when: Firmafon's busy_since when it gives one, else now", () => {
    const busy = withPushedPresence(data, update('Employee#1', { live_presence: 'busy', busy_since: '2026-11-30T09:00:00Z' }), 9_000);
    expect(busy.members[0]).toMatchObject({ live_presence: 'busy', busy_since: '2026-11-30T09:00:00Z' });
    expect(busy.since['1']).toEqual({ presence: 'busy', since: Date.parse('2026-11-30T09:00:00Z') });
    const free = withPushedPresence(data, update('Employee#2'), 9_000);
    expect(free.members[1]).toMatchObject({ live_presence: 'available' });
    expect(free.since['2']).toEqual({ presence: 'available', since: 9_000 });
    expect(free.members[0]).toBe(data.members[0]);
  });

  it('takes do-not-disturb with its end time, and keeps it when the push does not say', () => {
    const on = withPushedPresence(data, update('Employee#1', { live_presence: 'do_not_disturb', do_not_disturb: true, dnd_timeout_at: '2026-11-30T12:00:00Z' }), 1);
    expect(on.members[0]).toMatchObject({ do_not_disturb: true, dnd_timeout_at: '2026-11-30T12:00:00Z' });
    const unsaid = withPushedPresence(on, update('Employee#1', { live_presence: 'busy', do_not_disturb: null }), 2);
    expect(unsaid.members[0]).toMatchObject({ live_presence: 'busy', do_not_disturb: true, dnd_timeout_at: '2026-11-30T12:00:00Z' });
  });

  it('leaves the data as it is for a group, or a person it does not know (ids as numbers or strings)', () => {
    expect(withPushedPresence(data, update('EmployeeGroup#1'), 1)).toBe(data);
    expect(withPushedPresence(data, update('Employee#99'), 1)).toBe(data);
    expect(withPushedPresence({ ...data, members: [member(1, 'Mette', { id: '1' as unknown as number })] }, update('Employee#1', { live_presence: 'busy' }), 1).members[0]).toMatchObject({
      live_presence: 'busy',
    });
  });
});
