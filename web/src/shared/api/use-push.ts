/**
 * Live updates for a component: keeps the page's push connection (push-connection.ts) open while the component is
 * mounted, hands it the events, and answers the connection's state, which decides how often the component's queries
 * poll (often while push is not live, rarely as a safety net while it is). The push URL comes from the public
 * config (`FIRMAFON_PUBSUB_URL`, which the Content-Security-Policy names); the channels from the signed-in employee.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useEffect, useEffectEvent, useSyncExternalStore } from 'react';
import { channelsFor, type PushEvent } from '../model/push-messages.ts';
import { employeeQueries } from './employees.ts';
import { loadPublicConfig } from './load-public-config.ts';
import { pushConnection, type PushStatus } from './push-connection.ts';

/**
 * The deploy's public configuration: the same request the sign-in page made, if this page load made one. It retries
 * transient failures itself, so React Query does not retry it again.
 */
export const publicConfigQuery = () =>
  queryOptions({
    queryKey: ['public-config'] as const,
    queryFn: () => loadPublicConfig(),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });

/** The push connection's state, for a component that only shows it. */
export function usePushStatus(): PushStatus {
  return useSyncExternalStore(pushConnection.onStatus, pushConnection.status);
}

/**
 * Subscribes while mounted; `onEvent` receives every pushed event, and `{ kind: 'resync' }` each time the connection
 * becomes live (what changed while it was not was missed: refetch). Answers the connection's state.
 */
export function usePush(onEvent: (event: PushEvent | { kind: 'resync' }) => void): PushStatus {
  const config = useQuery(publicConfigQuery());
  const me = useQuery(employeeQueries.me());
  const url = config.data?.pushUrl;
  const channels = me.data ? channelsFor(me.data) : [];
  const key = url && channels.length > 0 ? JSON.stringify({ url, channels }) : null;
  const handle = useEffectEvent(onEvent);

  useEffect(() => pushConnection.listen((event) => handle(event)), []);
  useEffect(() => (key === null ? undefined : pushConnection.acquire(JSON.parse(key) as Parameters<typeof pushConnection.acquire>[0])), [key]);
  return usePushStatus();
}
