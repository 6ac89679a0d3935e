import { QueryClient, type QueryFunctionContext } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { applyPushedChange, fetchWithPushedChanges } from './pushed-changes.ts';

/** The far side's answer, given when the test says; given up on when the fetch is aborted, as a real request is. */
function heldAnswer<T>() {
  let give!: (value: T) => void;
  let abandon!: (reason: unknown) => void;
  const answer = new Promise<T>((resolve, reject) => {
    give = resolve;
    abandon = reject;
  });
  return { answer, give, abandon };
}

const KEY = ['presence'] as const;
type Presence = Record<string, string>;
/** A pushed presence: the whole new state of one person. */
const pushed = (person: string, presence: string) => (data: Presence) => ({ ...data, [person]: presence });

function clientWith(data: Presence) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  client.setQueryData(KEY, data);
  return client;
}

function fetchHeld(client: QueryClient) {
  const held = heldAnswer<Presence>();
  const queryFn = ({ client: c, queryKey, signal }: QueryFunctionContext) => {
    signal.addEventListener('abort', () => held.abandon(signal.reason));
    return fetchWithPushedChanges(c, queryKey, () => held.answer);
  };
  const done = client.fetchQuery({ queryKey: KEY, queryFn, staleTime: 0 });
  return { ...held, done };
}

describe('pushed changes and a fetch in flight', () => {
  it('keeps a change pushed while an older answer was on its way', async () => {
    const client = clientWith({ mikkel: 'available', camilla: 'unknown' });
    const poll = fetchHeld(client);
    applyPushedChange(client, KEY, pushed('mikkel', 'ringing'));
    expect(client.getQueryData(KEY)).toEqual({ mikkel: 'ringing', camilla: 'unknown' });
    poll.give({ mikkel: 'available', camilla: 'busy' });
    await poll.done;
    expect(client.getQueryData(KEY)).toEqual({ mikkel: 'ringing', camilla: 'busy' });
  });

  it('applies the changes in the order they were pushed', async () => {
    const client = clientWith({ mikkel: 'available' });
    const poll = fetchHeld(client);
    applyPushedChange(client, KEY, pushed('mikkel', 'ringing'));
    applyPushedChange(client, KEY, pushed('mikkel', 'busy'));
    poll.give({ mikkel: 'available' });
    await poll.done;
    expect(client.getQueryData(KEY)).toEqual({ mikkel: 'busy' });
  });

  it('does not apply again what was pushed before the fetch started, or after it ended', async () => {
    const client = clientWith({ mikkel: 'available' });
    applyPushedChange(client, KEY, pushed('mikkel', 'ringing'));
    const first = fetchHeld(client);
    first.give({ mikkel: 'busy' });
    await first.done;
    expect(client.getQueryData(KEY)).toEqual({ mikkel: 'busy' });
    applyPushedChange(client, KEY, pushed('sofie', 'busy'));
    const second = fetchHeld(client);
    second.give({ mikkel: 'available', sofie: 'available' });
    await second.done;
    expect(client.getQueryData(KEY)).toEqual({ mikkel: 'available', sofie: 'available' });
  });

  it('forgets a cancelled fetch: a later fetch is given only the changes pushed after it started', async () => {
    const client = clientWith({ mikkel: 'available' });
    const cancelled = fetchHeld(client);
    applyPushedChange(client, KEY, pushed('mikkel', 'ringing'));
    await client.cancelQueries({ queryKey: KEY });
    await Promise.allSettled([cancelled.done]);
    const poll = fetchHeld(client);
    applyPushedChange(client, KEY, pushed('sofie', 'busy'));
    poll.give({ mikkel: 'available', sofie: 'available' });
    await poll.done;
    // The cancelled fetch's change came before this fetch started: its answer is taken as newer.
    expect(client.getQueryData(KEY)).toEqual({ mikkel: 'available', sofie: 'busy' });
  });

  it('applies a change pushed before the first answer to that answer', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const poll = fetchHeld(client);
    applyPushedChange(client, KEY, pushed('mikkel', 'ringing'));
    expect(client.getQueryData(KEY)).toBeUndefined();
    poll.give({ mikkel: 'available' });
    await poll.done;
    expect(client.getQueryData(KEY)).toEqual({ mikkel: 'ringing' });
  });

  it('keeps nothing for a query no fetch is in flight for, and nothing across query clients', async () => {
    const one = clientWith({ mikkel: 'available' });
    const other = clientWith({ mikkel: 'available' });
    const poll = fetchHeld(other);
    applyPushedChange(one, KEY, pushed('mikkel', 'busy'));
    poll.give({ mikkel: 'available' });
    await poll.done;
    expect(other.getQueryData(KEY)).toEqual({ mikkel: 'available' });
    expect(one.getQueryData(KEY)).toEqual({ mikkel: 'busy' });
  });
});
