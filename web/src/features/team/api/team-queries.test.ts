import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { TeamMember } from '@common/team-schemas.ts';
import { employeeQueries } from '@/shared/api/employees.ts';
import { dndOn } from '../model/do-not-disturb.ts';
import { applyDoNotDisturb, restoreDoNotDisturb, storeConfirmedMember, teamQueries } from './team-queries.ts';

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
