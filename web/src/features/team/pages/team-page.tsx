/**
 * `/team`: the team board — calls in progress with calls waiting and the longest wait, then the people (presence,
 * search, call a colleague) and the groups. Presence and calls are pushed as they change, and polled while push is
 * not live (and the page shown, its tab visible); when Firmafon cannot be reached the board keeps the last known
 * state and says how old it is.
 */
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { INTL_LOCALE, useLocale, useMessages } from '@/lib/i18n.tsx';
import { liveCallQueries } from '@/shared/api/live-calls.ts';
import { CallsInProgress } from '@/shared/ui/calls-in-progress.tsx';
import { NoSwitchNotice } from '@/shared/ui/call-back-button.tsx';
import { ErrorPanel } from '@/shared/ui/error-panel.tsx';
import { Spinner } from '@/shared/ui/spinner.tsx';
import { GROUPS_POLL_MS, teamQueries, useTeamMembers } from '../api/team-queries.ts';
import { TeamGroups } from '../components/team-groups.tsx';
import { TeamMembers } from '../components/team-members.tsx';
import { teamMessages } from '../messages.ts';
import { clockTime } from '../model/clock-time.ts';
import '../team.css';
import { employeeGroupQueries } from '@/shared/api/employee-groups.ts';

export default function TeamPage() {
  const t = useMessages(teamMessages);
  const { locale } = useLocale();
  const members = useTeamMembers();
  const groups = useQuery({ ...employeeGroupQueries.list(), refetchInterval: GROUPS_POLL_MS });
  const me = useQuery(teamQueries.me());

  const updated = members.dataUpdatedAt ? clockTime(members.dataUpdatedAt, INTL_LOCALE[locale]) : '';
  const down = members.isError || (members.failureCount > 0 && members.data !== undefined);

  return (
    <div className="team-page">
      <h1>{t.title}</h1>
      <p className="team-wallboard-link">
        <Link to="/wallboard">{t.openWallboard}</Link>
      </p>
      <CallsInProgress />
      <section className="team-section" aria-labelledby="team-people">
        <h2 id="team-people">{t.people}</h2>
        {/* Only a failure is announced (its time stays put while it lasts); "last at" changes every minute, quietly. */}
        <p className="team-status team-status--down" role="status">
          {members.data && down ? t.presenceStale(updated) : ''}
        </p>
        {members.data && !down ? <p className="team-status">{members.push === 'live' ? t.presencePushed : t.presenceLive(updated)}</p> : null}
        <NoSwitchNotice />
        {members.data ? (
          <TeamMembers members={members.data.members} since={members.data.since} groups={groups.data ?? []} meId={me.data?.id} />
        ) : members.isError ? (
          <ErrorPanel error={members.error} title={t.loadFailed} onRetry={() => void members.refetch()} />
        ) : (
          <Spinner label={t.title} labelHidden />
        )}
      </section>
      {groups.data && groups.data.length > 0 && members.data ? (
        <section className="team-section" aria-labelledby="team-groups">
          <h2 id="team-groups">{t.groups}</h2>
          <TeamGroups groups={groups.data} members={members.data.members} />
        </section>
      ) : null}
    </div>
  );
}

/** What the board needs first (pages registry, app/pages.ts). */
export function prefetch(queryClient: QueryClient): void {
  void queryClient.prefetchQuery(teamQueries.members());
  void queryClient.prefetchQuery(employeeGroupQueries.list());
  void queryClient.prefetchQuery(liveCallQueries.nodes());
}
