/** The employee groups: each with its state from its members (available when one is), how many are free, and who. */
import type { EmployeeGroup, TeamMember } from '@common/team-schemas.ts';
import { useMessages } from '@/lib/i18n.tsx';
import { teamMessages } from '../messages.ts';
import { groupPresence, presenceOf, sortByAvailability } from '../model/presence.ts';
import { PresenceBadge } from './presence-badge.tsx';

export function TeamGroups({ groups, members }: { groups: readonly EmployeeGroup[]; members: readonly TeamMember[] }) {
  const t = useMessages(teamMessages);
  return (
    <ul className="team-groups">
      {groups.map((group) => {
        const ids = new Set(group.employee_ids.map(String));
        const people = sortByAvailability(members.filter((m) => ids.has(String(m.id))));
        const presences = people.map(presenceOf);
        const available = presences.filter((p) => p === 'available').length;
        return (
          <li key={group.id} className="team-group">
            <h3 className="team-group__name">{group.name}</h3>
            <p className="team-group__state">
              <PresenceBadge presence={groupPresence(presences)} /> <span className="muted">{t.availableOf(available, people.length)}</span>
            </p>
            <ul className="team-group__members" aria-label={t.groupMembers(group.name)}>
              {people.map((m) => (
                <li key={m.id}>
                  {m.name} <PresenceBadge presence={presenceOf(m)} />
                </li>
              ))}
            </ul>
          </li>
        );
      })}
    </ul>
  );
}
