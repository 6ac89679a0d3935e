/**
 * Pushed changes into a cached query, safe against a fetch of the same query in flight.
 *
 * A poll or a resync that Firmafon answered before a change can reach the browser after the change's push was
 * applied; its answer would put the old state back until the next poll, a minute later while push is live. So each
 * change pushed while a fetch is in flight is kept and applied again to that fetch's answer, in the order pushed.
 *
 * Applying again is safe because a pushed change carries the whole new state of one call or one person: applied to an
 * answer that already has it, it changes nothing; applied to an answer newer than itself, the newer change's own push
 * has either been kept after it (and is applied after it) or is still to come.
 */
import { hashKey, type QueryClient, type QueryKey } from '@tanstack/react-query';

type Change<T> = (data: T) => T;

interface Journal {
  /** Numbers the changes kept. */
  last: number;
  /** The number of the last change kept before each fetch in flight started. */
  open: number[];
  kept: Array<{ at: number; change: (data: never) => unknown }>;
}

/** Only while a fetch of the query is in flight: nothing is held for a query between its fetches. */
const journals = new WeakMap<QueryClient, Map<string, Journal>>();

/** Applies a pushed `change` to the cached data (none is made up before the first answer), and to the answers of fetches in flight. */
export function applyPushedChange<T>(client: QueryClient, queryKey: QueryKey, change: Change<T>): void {
  client.setQueryData<T>(queryKey, (data) => (data === undefined ? data : change(data)));
  const journal = journals.get(client)?.get(hashKey(queryKey));
  if (journal) journal.kept.push({ at: (journal.last += 1), change });
}

/** Runs a query's `fetch` and answers its result with every change pushed meanwhile applied again. */
export async function fetchWithPushedChanges<T>(client: QueryClient, queryKey: QueryKey, fetch: () => Promise<T>): Promise<T> {
  let byKey = journals.get(client);
  if (!byKey) journals.set(client, (byKey = new Map()));
  const hash = hashKey(queryKey);
  let journal = byKey.get(hash);
  if (!journal) byKey.set(hash, (journal = { last: 0, open: [], kept: [] }));
  const mark = journal.last;
  journal.open.push(mark);
  try {
    const data = await fetch();
    return journal.kept.filter((kept) => kept.at > mark).reduce<T>((result, kept) => (kept.change as unknown as Change<T>)(result), data);
  } finally {
    journal.open.splice(journal.open.indexOf(mark), 1);
    if (journal.open.length === 0) byKey.delete(hash);
    else journal.kept = journal.kept.filter((kept) => kept.at > Math.min(...journal.open));
  }
}
