/**
 * The people: search by name, then everyone sorted so those who can take a call come first, each with their
 * presence in words and colour, since when (where known), do-not-disturb's end, their groups and a "Call" button
 * (shared/ui/call-back-button.tsx) for colleagues with a number. Names are React text.
 */
import { useId, useMemo, useState } from 'react';
import type { EmployeeGroup, TeamMember } from '@common/team-schemas.ts';
import { formatPhoneNumber, phoneNumberKey } from '@common/phone.ts';
import { INTL_LOCALE, useLocale, useMessages } from '@/lib/i18n.tsx';
import { useNow } from '@/shared/hooks/use-now.ts';
import { CallBackButton } from '@/shared/ui/call-back-button.tsx';
import { teamMessages } from '../messages.ts';
import { matchesSearch, presenceOf, sortByAvailability, type SinceEntry } from '../model/presence.ts';
import { clockTime } from '../model/clock-time.ts';
import { dndActive } from '../model/do-not-disturb.ts';
import { PresenceBadge } from './presence-badge.tsx';

interface Props {
  members: readonly TeamMember[];
  since: Readonly<Record<string, SinceEntry>>;
  groups: readonly EmployeeGroup[];
  meId: number | string | undefined;
}

export function TeamMembers({ members, since, groups, meId }: Props) {
  const t = useMessages(teamMessages);
  const { locale } = useLocale();
  const intl = INTL_LOCALE[locale];
  const [query, setQuery] = useState('');
  const searchId = useId();
  const sorted = useMemo(() => sortByAvailability(members), [members]);
  const shown = sorted.filter((m) => matchesSearch(m.name, query));
  const groupNames = new Map(groups.map((g) => [String(g.id), g.name]));
  // A do-not-disturb that has run out stops showing its end within half a minute, before the next poll says so.
  const now = useNow(30_000);

  return (
    <>
      <div className="team-search">
        <label htmlFor={searchId}>{t.search}</label>
        <input id={searchId} type="search" value={query} onChange={(event) => setQuery(event.target.value)} autoComplete="off" />
        <span className="muted" aria-live="polite">
          {t.shown(shown.length, members.length)}
        </span>
      </div>
      {shown.length === 0 ? <p className="muted">{t.noMatch}</p> : null}
      <ul className="team-list" aria-label={t.people}>
        {shown.map((member) => {
          const presence = presenceOf(member);
          const entry = since[String(member.id)];
          const isMe = meId !== undefined && String(meId) === String(member.id);
          const digits = phoneNumberKey(member.number);
          const timeout = dndActive(member, now) && member.dnd_timeout_at ? Date.parse(member.dnd_timeout_at) : null;
          const memberGroups = member.employee_group_ids.flatMap((id) => groupNames.get(String(id)) ?? []);
          return (
            <li key={member.id} className="team-member" data-presence={presence}>
              <span className="team-member__name">
                {member.name} {isMe ? <span className="muted">{t.you}</span> : null}
              </span>
              <span className="team-member__presence">
                <PresenceBadge presence={presence} />
                {entry?.since != null && entry.presence === presence ? <span className="muted"> {t.since(clockTime(entry.since, intl))}</span> : null}
                {timeout !== null && !Number.isNaN(timeout) ? <span className="muted"> {t.until(clockTime(timeout, intl))}</span> : null}
              </span>
              <span className="team-member__groups muted">{memberGroups.join(', ')}</span>
              <span className="team-member__call">
                {!isMe && digits ? <CallBackButton target={{ display: formatPhoneNumber(digits), digits }} /> : null}
              </span>
            </li>
          );
        })}
      </ul>
    </>
  );
}
