/**
 * The team and what is happening now (firmafon-api.md, "Team, presence and push"): employees with their presence,
 * employee groups, and the nodes of the calls in progress (`GET /call_nodes/live`). A module of its own, so only the
 * pages that show them carry these schemas. Lenient where Firmafon may differ from its docs: an unknown presence is
 * kept as it comes (the dashboard reads it as "Unknown"), and ids may be numbers or strings.
 */
import * as v from 'valibot';
import { CallNodeSchema } from './call-schemas.ts';
import { EmployeeSchema, OptionalTimestamp } from './firmafon-schemas.ts';

const IdList = v.nullish(v.array(v.union([v.number(), v.string()])), []);

/** An employee as `GET /employees` answers, with the team board's fields. */
export const TeamMemberSchema = v.object({
  ...EmployeeSchema.entries,
  /** When do-not-disturb ends by itself; null: until turned off. */
  dnd_timeout_at: OptionalTimestamp,
  employee_group_ids: IdList,
  /** Firmafon's presence push carries it; `GET /employees` may not. When the person became busy. */
  busy_since: v.optional(OptionalTimestamp, null),
});
export type TeamMember = v.InferOutput<typeof TeamMemberSchema>;
export const TeamMembersResponseSchema = v.object({ employees: v.array(TeamMemberSchema) });
export const TeamMemberResponseSchema = v.object({ employee: TeamMemberSchema });

export const EmployeeGroupSchema = v.object({
  id: v.union([v.number(), v.string()]),
  name: v.string(),
  endpoint: v.nullish(v.string(), null),
  live_presence: v.nullish(v.string(), null),
  employee_ids: IdList,
});
export type EmployeeGroup = v.InferOutput<typeof EmployeeGroupSchema>;
export const EmployeeGroupsResponseSchema = v.object({ employee_groups: v.array(EmployeeGroupSchema) });

export const LiveCallNodesResponseSchema = v.object({ call_nodes: v.array(CallNodeSchema) });
