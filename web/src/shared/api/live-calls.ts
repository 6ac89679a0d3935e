/**
 * Calls in progress (`GET /call_nodes/live`), for the team board and the top of the calls page. Polled every few
 * seconds while a page shows them and the browser tab is visible (React Query pauses intervals in a hidden tab);
 * each answer also updates how far the browser's clock is behind Firmafon's (model/live-calls.ts).
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { LiveCallNodesResponseSchema } from '@common/team-schemas.ts';
import type { CallNode } from '@common/call-schemas.ts';
import { firmafonGet } from '@/lib/api-client.ts';
import { updateSkew } from '../model/live-calls.ts';

/** How often calls in progress are asked for when nothing pushes them. */
export const LIVE_CALLS_POLL_MS = 3_000;

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
      queryFn: async ({ signal, client, queryKey }): Promise<LiveCallsData> => {
        const { call_nodes } = await firmafonGet('/call_nodes/live', { schema: LiveCallNodesResponseSchema, signal });
        const previous = client.getQueryData<LiveCallsData>(queryKey)?.skewMs ?? 0;
        return { nodes: call_nodes, skewMs: updateSkew(previous, latestStart(call_nodes), Date.now()) };
      },
      staleTime: 0,
    }),
};

/** Calls in progress, polled while the component is shown and the tab visible. */
export function useLiveCallNodes() {
  return useQuery({ ...liveCallQueries.nodes(), refetchInterval: LIVE_CALLS_POLL_MS });
}
