/**
 * A stand-in for Firmafon in tests: a real HTTP server on 127.0.0.1 (port 0) that records every request it
 * receives and answers with a scripted action (a response, a hang, or a dropped connection).
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach } from 'vitest';

export interface ReceivedRequest {
  method: string;
  /** Path and query, as sent. */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export type FakeAction =
  | { kind: 'respond'; status: number; headers?: Record<string, string>; body?: string }
  | { kind: 'hang' }
  /** Sends the status, headers and the start of a body, then stalls. */
  | { kind: 'stall'; status: number; headers?: Record<string, string>; body: string }
  | { kind: 'destroy' };

export interface FakeFirmafon {
  /** `http://127.0.0.1:<port>`, to use as FIRMAFON_URL. */
  url: string;
  received: ReceivedRequest[];
  /** Sets the answer for every following request. */
  script(action: FakeAction | ((request: ReceivedRequest) => FakeAction)): void;
  close(): Promise<void>;
}

/** `{ status, json }` as a scripted answer with `Content-Type: application/json`. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): FakeAction {
  return { kind: 'respond', status, headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) };
}

export async function startFakeFirmafon(): Promise<FakeFirmafon> {
  const received: ReceivedRequest[] = [];
  let next: (request: ReceivedRequest) => FakeAction = () => json(200, { access_token: 'fake-access-token' });
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request: ReceivedRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      received.push(request);
      const action = next(request);
      if (action.kind === 'hang') return;
      if (action.kind === 'stall') {
        res.writeHead(action.status, action.headers ?? {});
        res.write(action.body);
        return;
      }
      if (action.kind === 'destroy') {
        req.socket.destroy();
        return;
      }
      res.writeHead(action.status, action.headers ?? {});
      res.end(action.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    script(action) {
      next = typeof action === 'function' ? action : () => action;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * For a test file: one fake Firmafon for all its tests, started before the first and closed after the last. Each
 * test starts with an empty record of requests and, when `answer` is given, with that answer scripted again (without
 * it, a test's script stays for the next). Read the returned object's fields inside tests and hooks, once it runs.
 */
export function fakeFirmafonPerFile(answer?: () => FakeAction): FakeFirmafon {
  let current: FakeFirmafon | undefined;
  const started = (): FakeFirmafon => {
    if (!current) throw new Error('The fake Firmafon runs only while the tests of its file do.');
    return current;
  };
  beforeAll(async () => {
    current = await startFakeFirmafon();
  });
  afterAll(async () => {
    await current?.close();
  });
  beforeEach(() => {
    started().received.length = 0;
    if (answer) started().script(answer());
  });
  return {
    get url() {
      return started().url;
    },
    get received() {
      return started().received;
    },
    script: (action) => started().script(action),
    close: () => started().close(),
  };
}

/** An origin on 127.0.0.1 where nothing listens: a port that was free a moment ago. */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
