import { QueryClient, type InfiniteData } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { VoiceMail } from '@common/voice-mail-schemas.ts';
import type { VoiceMailsCursor } from '../model/paging.ts';
import { removeFromLists, restoreLists, setHeardInLists, voiceMailQueries } from './voice-mail-queries.ts';

const keyText = (key: readonly unknown[]) => JSON.stringify(key);

const message = (id: number, heard: boolean): VoiceMail => ({
  id,
  created_at: '2026-11-29T12:00:00Z',
  heard,
  duration: 9,
  from_number: null,
  from_contact: null,
  endpoint: null,
  endpoint_name: null,
  sound: null,
});

describe('voicemail query keys', () => {
  it('gives every reception its own list and the count its own key, all under one root', () => {
    const keys = [
      keyText(voiceMailQueries.list({}).queryKey),
      keyText(voiceMailQueries.list({ endpoint: 'Reception#1' }).queryKey),
      keyText(voiceMailQueries.list({ endpoint: 'Reception#2' }).queryKey),
      keyText(voiceMailQueries.unheardCount().queryKey),
    ];
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of [voiceMailQueries.list({}).queryKey, voiceMailQueries.unheardCount().queryKey]) expect(key[0]).toBe('voicemail');
  });

  it('shares the loaded pages between "all" and "unheard only", which is applied in the browser', () => {
    expect(voiceMailQueries.list({ unheard: true }).queryKey).toEqual(voiceMailQueries.list({}).queryKey);
    expect(voiceMailQueries.list({ unheard: true, endpoint: 'Reception#1' }).queryKey).toEqual(
      voiceMailQueries.list({ endpoint: 'Reception#1' }).queryKey,
    );
  });
});

describe('changing the loaded lists', () => {
  const setUp = () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const data: InfiniteData<VoiceMail[], VoiceMailsCursor> = { pages: [[message(3, false), message(2, true)], [message(1, false)]], pageParams: [null, null] };
    client.setQueryData(voiceMailQueries.list({}).queryKey, data);
    client.setQueryData(voiceMailQueries.list({ endpoint: 'Reception#1' }).queryKey, { pages: [[message(3, false)]], pageParams: [null] });
    return client;
  };
  const ids = (client: QueryClient, filters = {}) =>
    client.getQueryData(voiceMailQueries.list(filters).queryKey)?.pages.flat().map((m) => `${m.id}:${m.heard ? 'heard' : 'unheard'}`);

  it('marks a message heard in every list and puts it back from the snapshot', async () => {
    const client = setUp();
    const snapshot = await setHeardInLists(client, 3, true);
    expect(ids(client)).toEqual(['3:heard', '2:heard', '1:unheard']);
    expect(ids(client, { endpoint: 'Reception#1' })).toEqual(['3:heard']);
    restoreLists(client, snapshot);
    expect(ids(client)).toEqual(['3:unheard', '2:heard', '1:unheard']);
  });

  it('removes a message from every list and puts it back from the snapshot', async () => {
    const client = setUp();
    const snapshot = await removeFromLists(client, 3);
    expect(ids(client)).toEqual(['2:heard', '1:unheard']);
    expect(ids(client, { endpoint: 'Reception#1' })).toEqual([]);
    restoreLists(client, snapshot);
    expect(ids(client, { endpoint: 'Reception#1' })).toEqual(['3:unheard']);
  });
});
