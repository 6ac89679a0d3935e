/**
 * The incoming call notice, in the signed-in header on every page (loaded lazily with it, so neither the sign-in
 * page nor the calls page's chunk carries it): while a call rings me, who is calling (the contact's name or the
 * number, at which reception) with a link to their call history; gone when the call is answered or ends. A polite
 * live region. "Also notify me" asks for the browser's permission only when clicked; then a call that starts
 * ringing me while the tab is hidden also shows a browser notification (and the calls in progress keep being
 * polled in a hidden tab). A call is noticed once, never again (model/incoming-call.ts). Names come from
 * Firmafon: React text and notification text only.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { Link } from 'react-router-dom';
import { useMessages } from '@/lib/i18n.tsx';
import { employeeQueries } from '@/shared/api/employees.ts';
import { liveCallQueries, liveCallsPollMs, useLiveCallsPush, type LiveCallsData } from '@/shared/api/live-calls.ts';
import { receptionQueries } from '@/shared/api/receptions.ts';
import { endpointNames, endpointOf } from '@/shared/model/endpoints.ts';
import { Button } from '@/shared/ui/button.tsx';
import { incomingCallQueries } from '../api/incoming-call.ts';
import { teamMessages } from '../messages.ts';
import { callerOf, callsRingingMe, nextNotices, type Caller, type NoticeStep, type RingingMe } from '../model/incoming-call.ts';
import { notifyPreference } from '../model/notify-preference.ts';
import './incoming-call.css';

type Words = (typeof teamMessages)['en']['incoming'];

const notificationsSupported = () => typeof window !== 'undefined' && 'Notification' in window;
const notificationsGranted = () => notificationsSupported() && Notification.permission === 'granted';
const useNotifyPreference = () => useSyncExternalStore(notifyPreference.subscribe, notifyPreference.get, () => false);

/** "Anna Berg (+45 12 34 56 78)", "+45 12 34 56 78", or "a hidden number". */
function callerWords(caller: Caller | null, t: Words): string {
  if (!caller) return t.someone;
  if (caller.name) return caller.number ? `${caller.name} (${caller.number})` : caller.name;
  return caller.number ?? t.hidden;
}

interface Tracked {
  data: LiveCallsData | undefined;
  endpoint: string | null;
  step: NoticeStep;
  ringing: RingingMe[];
}

const START: Tracked = { data: undefined, endpoint: null, step: { memory: new Map(), showing: [], fresh: [] }, ringing: [] };

export function IncomingCallNotice() {
  const t = useMessages(teamMessages).incoming;
  const queryClient = useQueryClient();
  const notify = useNotifyPreference();
  const me = useQuery(employeeQueries.me());
  // Pushed calls reach a hidden tab as they happen; without push, only someone who asked to be notified needs the
  // calls polled while the tab is hidden.
  const push = useLiveCallsPush();
  const live = useQuery({
    ...liveCallQueries.nodes(),
    refetchInterval: liveCallsPollMs(push),
    refetchIntervalInBackground: push !== 'live' && notify && notificationsGranted(),
  });
  const receptions = useQuery(receptionQueries.list());
  const myEndpoint = me.data ? endpointOf('Employee', me.data) : null;

  // Each answer moves the notices one step (state from the previous render, as React recommends for it).
  const [tracked, setTracked] = useState<Tracked>(START);
  if (live.data !== undefined && myEndpoint !== null && (tracked.data !== live.data || tracked.endpoint !== myEndpoint)) {
    const ringing = callsRingingMe(live.data.nodes, myEndpoint);
    const inProgress = live.data.nodes.flatMap((n) => (n.call_uuid ? [n.call_uuid] : []));
    const step = nextNotices(tracked.step.memory, ringing.map((r) => r.callUuid), inProgress);
    setTracked({ data: live.data, endpoint: myEndpoint, step, ringing: ringing.filter((r) => step.showing.includes(r.callUuid)) });
  }

  // Browser notifications: one per call that starts ringing me while the tab is hidden; closed when it stops.
  const notifications = useRef(new Map<string, Notification>());
  const showing = useRef<readonly string[]>([]);
  useEffect(() => {
    const { step } = tracked;
    const open = notifications.current;
    showing.current = step.showing;
    for (const [uuid, notification] of open) {
      if (!step.showing.includes(uuid)) {
        notification.close();
        open.delete(uuid);
      }
    }
    if (!notify || !notificationsGranted()) return;
    for (const uuid of step.fresh) {
      void queryClient
        .fetchQuery(incomingCallQueries.call(uuid))
        .then(callerOf, () => null)
        .then((caller) => {
          if (document.visibilityState !== 'hidden' || !showing.current.includes(uuid) || open.has(uuid)) return;
          const notification = new Notification(t.notificationTitle(callerWords(caller, t)), { body: caller?.reception ? t.at(caller.reception) : '', tag: uuid });
          notification.onclick = () => {
            window.focus();
            notification.close();
          };
          open.set(uuid, notification);
        });
    }
  }, [tracked, notify, queryClient, t]);
  useEffect(() => {
    const open = notifications.current;
    return () => {
      for (const notification of open.values()) notification.close();
      open.clear();
    };
  }, []);

  const names = endpointNames(receptions.data, undefined);
  return (
    // A polite live region without the status role: the header's one status is my do-not-disturb's.
    <div className="incoming-call" aria-live="polite">
      {tracked.ringing.map(({ callUuid, entry }) => (
        <RingingCall key={callUuid} callUuid={callUuid} reception={entry ? (names.get(entry) ?? null) : null} t={t} />
      ))}
    </div>
  );
}

function RingingCall({ callUuid, reception, t }: { callUuid: string; reception: string | null; t: Words }) {
  const call = useQuery(incomingCallQueries.call(callUuid));
  // Announced once, whole: after the caller is known (or could not be).
  if (call.isPending) return null;
  const caller = call.data ? callerOf(call.data) : null;
  const where = caller?.reception ?? reception;
  return (
    <p className="incoming-call__line">
      <span aria-hidden="true" className="incoming-call__icon">
        ☎
      </span>
      <strong>{t.ringing}</strong> {t.from(callerWords(caller, t))}
      {where ? ` ${t.at(where)}` : ''}
      {caller?.historyHref ? (
        <>
          {' · '}
          <Link to={caller.historyHref}>{t.history}</Link>
        </>
      ) : null}
    </p>
  );
}

/** "Also notify me": asks for permission on click, never before; pressed while notifications are on. */
export function CallNotifyToggle() {
  const t = useMessages(teamMessages).incoming;
  const notify = useNotifyPreference();
  const [blocked, setBlocked] = useState(false);
  if (!notificationsSupported()) return null;
  const on = notify && notificationsGranted();

  const toggle = async () => {
    if (on) {
      notifyPreference.set(false);
      return;
    }
    const permission = Notification.permission === 'default' ? await Notification.requestPermission() : Notification.permission;
    setBlocked(permission !== 'granted');
    notifyPreference.set(permission === 'granted');
  };

  return (
    <span className="call-notify">
      <Button variant="secondary" size="sm" aria-pressed={on} onClick={() => void toggle()}>
        {t.notify}
      </Button>
      {blocked ? (
        <span className="call-notify__blocked" role="status">
          {t.notifyBlocked}
        </span>
      ) : null}
    </span>
  );
}
