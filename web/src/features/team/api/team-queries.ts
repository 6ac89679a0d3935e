/**
 * The team: its members with their presence (`GET /employees`) and the signed-in person with their do-not-disturb
 * (`GET /employee`, read with the team's schema, which keeps `dnd_timeout_at`). One key factory. Presence pushed by
 * Firmafon is written into the members as it comes (shared/api/use-push.ts), also into the answer of a fetch in flight
 * that may predate it (shared/api/pushed-changes.ts); without push the members are polled while the board is visible
 * so presence is never more than about 10 s old. Each answer and each push updates since when each person has been
 * in their state (model/presence.ts). The employee groups come from the shared layer
 * (shared/api/employee-groups.ts); a group's state is computed from its members, so a group's pushed presence is not needed.
 */
import { queryOptions, useQuery, useQueryClient, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { TeamMemberResponseSchema, TeamMembersResponseSchema, type TeamMember } from '@common/team-schemas.ts';
import type { EmployeeUpdate } from '@common/write-contract.ts';
import { firmafonGet } from '@/lib/api-client.ts';
import { firmafonWrite } from '@/lib/api-write.ts';
import { employeeQueries } from '@/shared/api/employees.ts';
import { applyPushedChange, fetchWithPushedChanges } from '@/shared/api/pushed-changes.ts';
import { usePush } from '@/shared/api/use-push.ts';
import { employeeIdOf, type PresenceUpdate } from '@/shared/model/push-messages.ts';
import { withDoNotDisturb } from '../model/do-not-disturb.ts';
import { presenceOf, trackSince, type SinceEntry } from '../model/presence.ts';

/** Presence is asked for this often while the board is shown and its tab visible, when nothing pushes it (≤ 15 s, issue #13). */
export const MEMBERS_POLL_MS = 10_000;
/** How often while push is live: a safety net only. */
export const MEMBERS_PUSHED_POLL_MS = 60_000;
/** Groups change rarely; their state is computed from the members. */
export const GROUPS_POLL_MS = 60_000;

export interface TeamData {
  members: TeamMember[];
  /** By employee id. */
  since: Record<string, SinceEntry>;
}

export const teamQueries = {
  all: ['team'] as const,
  members: () =>
    queryOptions({
      queryKey: [...teamQueries.all, 'members'] as const,
      queryFn: ({ signal, client, queryKey }): Promise<TeamData> =>
        fetchWithPushedChanges(client, queryKey, async () => {
          const { employees } = await firmafonGet('/employees', { schema: TeamMembersResponseSchema, signal });
          return { members: employees, since: trackSince(client.getQueryData<TeamData>(queryKey)?.since, employees, Date.now()) };
        }),
      staleTime: 0,
    }),
  me: () =>
    queryOptions({
      queryKey: [...teamQueries.all, 'me'] as const,
      queryFn: async ({ signal }) => (await firmafonGet('/employee', { schema: TeamMemberResponseSchema, signal })).employee,
      staleTime: 60_000,
    }),
};

/** `PUT employees/:id` with do-not-disturb on or off; answers the person as Firmafon now has them. */
export async function updateDoNotDisturb(id: number | string, update: EmployeeUpdate): Promise<TeamMember> {
  const { employee } = await firmafonWrite('PUT', `/employees/${encodeURIComponent(String(id))}`, { body: update, schema: TeamMemberResponseSchema });
  return employee;
}

export type DndSnapshot = Array<[QueryKey, unknown]>;

const sameId = (a: number | string, b: number | string) => String(a) === String(b);

/**
 * Shows `update` for employee `id` everywhere the person is cached (the board, the header, the shared employee
 * lists) before Firmafon answers; answers what was there, for {@link restoreDoNotDisturb}.
 */
export async function applyDoNotDisturb(queryClient: QueryClient, id: number | string, update: EmployeeUpdate, nowMs: number): Promise<DndSnapshot> {
  const keys: QueryKey[] = [teamQueries.members().queryKey, teamQueries.me().queryKey, employeeQueries.me().queryKey, employeeQueries.list().queryKey];
  await Promise.all(keys.map((queryKey) => queryClient.cancelQueries({ queryKey, exact: true })));
  const snapshot: DndSnapshot = keys.map((key) => [key, queryClient.getQueryData(key)]);
  queryClient.setQueryData(teamQueries.members().queryKey, (data) => {
    if (!data) return data;
    const members = data.members.map((m) => (sameId(m.id, id) ? withDoNotDisturb(m, update) : m));
    const key = String(id);
    const changed = members.find((m) => sameId(m.id, id));
    const since = changed ? { ...data.since, [key]: { presence: presenceOf(changed), since: nowMs } } : data.since;
    return { members, since };
  });
  queryClient.setQueryData(teamQueries.me().queryKey, (me) => (me && sameId(me.id, id) ? withDoNotDisturb(me, update) : me));
  queryClient.setQueryData(employeeQueries.me().queryKey, (me) => (me && sameId(me.id, id) ? withDoNotDisturb(me, update) : me));
  queryClient.setQueryData(employeeQueries.list().queryKey, (list) => list?.map((m) => (sameId(m.id, id) ? withDoNotDisturb(m, update) : m)));
  return snapshot;
}

/** Puts back what {@link applyDoNotDisturb} replaced (Firmafon refused the change). */
export function restoreDoNotDisturb(queryClient: QueryClient, snapshot: DndSnapshot): void {
  for (const [key, data] of snapshot) queryClient.setQueryData(key, data);
}

/** Firmafon's answer is the truth: the person's cached copies take it. */
export function storeConfirmedMember(queryClient: QueryClient, member: TeamMember): void {
  queryClient.setQueryData(teamQueries.me().queryKey, (me) => (me && sameId(me.id, member.id) ? member : me));
  queryClient.setQueryData(teamQueries.members().queryKey, (data) =>
    data ? { ...data, members: data.members.map((m) => (sameId(m.id, member.id) ? member : m)) } : data,
  );
}

/** The team data with a pushed presence applied to its person (a group's is ignored: it is computed from members). */
export function withPushedPresence(data: TeamData, update: PresenceUpdate, nowMs: number): TeamData {
  const id = employeeIdOf(update.endpoint);
  const index = id === null ? -1 : data.members.findIndex((m) => sameId(m.id, id));
  const member = data.members[index];
  if (member === undefined) return data;
  const changed = {
    ...member,
    live_presence: update.live_presence,
    busy_since: update.busy_since,
    ...(update.do_not_disturb === null ? {} : { do_not_disturb: update.do_not_disturb, dnd_timeout_at: update.dnd_timeout_at }),
  };
  const members = data.members.map((m, i) => (i === index ? changed : m));
  return { members, since: trackSince(data.since, members, nowMs) };
}

/** The team's members, kept current by push while mounted, and polled (often without push, rarely with it). */
export function useTeamMembers() {
  const queryClient = useQueryClient();
  const push = usePush((event) => {
    const { queryKey } = teamQueries.members();
    if (event.kind === 'presence') {
      const at = Date.now();
      applyPushedChange<TeamData>(queryClient, queryKey, (data) => withPushedPresence(data, event.presence, at));
    } else if (event.kind === 'resync') {
      void queryClient.refetchQueries({ queryKey, type: 'active' }, { cancelRefetch: false });
    }
  });
  return { ...useQuery({ ...teamQueries.members(), refetchInterval: push === 'live' ? MEMBERS_PUSHED_POLL_MS : MEMBERS_POLL_MS }), push };
}
