/**
 * Calls in progress (`GET /call_nodes/live`), for the team board, the top of the calls page and the incoming call
 * notice. Pushed calls (use-push.ts) replace their call's nodes in the cache as they happen, also in the answer of a
 * fetch in flight that may predate them (pushed-changes.ts); without push the nodes are polled every few seconds
 * while a page shows them and the browser tab is visible (React Query pauses intervals in a hidden tab), and with
 * push rarely, as a safety net. Each answer also updates how far the browser's clock is
 * behind Firmafon's (model/live-calls.ts).
 */
import { queryOptions, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { LiveCallNodesResponseSchema } from '@common/team-schemas.ts';
import type { Call, CallNode } from '@common/call-schemas.ts';
import { firmafonGet } from '@/lib/api-client.ts';
import { updateSkew } from '../model/live-calls.ts';
import { openNodesOf } from '../model/push-messages.ts';
import type { PushStatus } from './push-connection.ts';
import { applyPushedChange, fetchWithPushedChanges } from './pushed-changes.ts';
import { usePush } from './use-push.ts';

/** How often calls in progress are asked for when nothing pushes them. */
export const LIVE_CALLS_POLL_MS = 3_000;
/** How often while push is live: only to catch what a lost message would leave wrong. */
export const LIVE_CALLS_PUSHED_POLL_MS = 60_000;

export interface LiveCallsData {
  nodes: CallNode[];
  /** How far the browser's clock is behind Firmafon's, in ms (0 when it is not known to be). */
  skewMs: number;
}

const latestStart = (nodes: readonly CallNode[]): number | null => {
  const starts = nodes.map((n) => (n.started_at ? Date.parse(n.started_at) : Number.NaN)).filter((t) => !Number.isNaN(t));
  return starts.length === 0 ? null : Math.max(...starts);
};

export const liveCallQueries = {
  all: ['live-calls'] as const,
  nodes: () =>
    queryOptions({
      queryKey: [...liveCallQueries.all, 'nodes'] as const,
      queryFn: ({ signal, client, queryKey }): Promise<LiveCallsData> =>
        fetchWithPushedChanges(client, queryKey, async () => {
          const { call_nodes } = await firmafonGet('/call_nodes/live', { schema: LiveCallNodesResponseSchema, signal });
          const previous = client.getQueryData<LiveCallsData>(queryKey)?.skewMs ?? 0;
          return { nodes: call_nodes, skewMs: updateSkew(previous, latestStart(call_nodes), Date.now()) };
        }),
      staleTime: 0,
    }),
};

/** The cached calls in progress with a pushed `call` in place of what was known of it: its open nodes, none once ended. */
export function withPushedCall(data: LiveCallsData, call: Call, nowMs: number): LiveCallsData {
  const nodes = [...data.nodes.filter((node) => node.call_uuid !== call.call_uuid), ...openNodesOf(call)];
  return { nodes, skewMs: updateSkew(data.skewMs, latestStart(nodes), nowMs) };
}

/** Keeps calls in progress current from push while mounted; answers the push state (for the poll interval). */
export function useLiveCallsPush(): PushStatus {
  const queryClient = useQueryClient();
  return usePush((event) => applyLiveCallEvent(queryClient, event));
}

/** A pushed event into the cache: a call replaces its nodes (nothing is cached before the first answer); a resync refetches. */
export function applyLiveCallEvent(queryClient: QueryClient, event: Parameters<Parameters<typeof usePush>[0]>[0]): void {
  const { queryKey } = liveCallQueries.nodes();
  if (event.kind === 'call') {
    const at = Date.now();
    applyPushedChange<LiveCallsData>(queryClient, queryKey, (data) => withPushedCall(data, event.call, at));
  } else if (event.kind === 'resync') {
    void queryClient.refetchQueries({ queryKey, type: 'active' }, { cancelRefetch: false });
  }
}

/** The poll interval of calls in progress for a push state. */
export const liveCallsPollMs = (push: PushStatus) => (push === 'live' ? LIVE_CALLS_PUSHED_POLL_MS : LIVE_CALLS_POLL_MS);

/** Calls in progress, pushed as they happen and polled while the component is shown and the tab visible. */
export function useLiveCallNodes() {
  const push = useLiveCallsPush();
  return { ...useQuery({ ...liveCallQueries.nodes(), refetchInterval: liveCallsPollMs(push) }), push };
}
