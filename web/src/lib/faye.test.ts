import { describe, expect, it } from 'vitest';
import { allowCorsHandshake, type FayeClient } from './faye.ts';

/** A client with the private dispatcher of Faye 1.4, recording the transport types each selection allows. */
function clientWithDispatcher(): { client: FayeClient; selections: string[][] } {
  const selections: string[][] = [];
  const dispatcher = {
    selectTransport(this: unknown, types: string[]) {
      expect(this).toBe(dispatcher);
      selections.push(types);
    },
  };
  return { client: { _dispatcher: dispatcher } as unknown as FayeClient, selections };
}

describe('allowCorsHandshake', () => {
  it("adds CORS long-polling to the handshake's mandatory types, so another origin needs no JSONP", () => {
    const { client, selections } = clientWithDispatcher();
    expect(allowCorsHandshake(client)).toBe(true);
    const dispatcher = (client as unknown as { _dispatcher: { selectTransport(types: string[]): void } })._dispatcher;
    dispatcher.selectTransport(['long-polling', 'callback-polling', 'in-process']);
    expect(selections).toEqual([['long-polling', 'callback-polling', 'in-process', 'cross-origin-long-polling']]);
  });

  it("leaves the server's own list after the handshake as it is", () => {
    const { client, selections } = clientWithDispatcher();
    allowCorsHandshake(client);
    const dispatcher = (client as unknown as { _dispatcher: { selectTransport(types: string[]): void } })._dispatcher;
    dispatcher.selectTransport(['websocket', 'long-polling', 'cross-origin-long-polling']);
    dispatcher.selectTransport(['websocket']);
    expect(selections).toEqual([['websocket', 'long-polling', 'cross-origin-long-polling'], ['websocket']]);
  });

  it('says so, and changes nothing, for a client without that shape', () => {
    expect(allowCorsHandshake({} as FayeClient)).toBe(false);
  });
});
