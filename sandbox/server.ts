/**
 * Starts the Firmafon sandbox: a local `node:http` server standing in for Firmafon's OAuth server and REST
 * API v2, plus its own clearly separate `/sandbox` pages. Everything lives in memory for the process.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { setTimeout as delay } from 'node:timers/promises';
import { FIRMAFON_API_BASE_PATH } from '../common/routes.ts';
import { handleApi, handleApiV1 } from './api.ts';
import { handleControl, handleHome, handlePageAction } from './control.ts';
import type { DatasetName } from './data/index.ts';
import { sendHtml, sendJson } from './http.ts';
import { handleAuthorizeGet, handleConsentPost, handleLoginPost, handleToken } from './oauth.ts';
import { simplePage } from './pages.ts';
import { createPushServer, PUSH_MOUNT, type PushServer } from './push.ts';
import { MAX_LATENCY_MS, SandboxState, type SandboxClient } from './state.ts';

export type { SandboxClient } from './state.ts';
export type { DatasetName } from './data/index.ts';

export interface SandboxOptions {
  clients: SandboxClient[];
  /** Default `127.0.0.1`. */
  host?: string;
  /** Default 0: a free port. */
  port?: number;
  /** How many calls to generate (default 250). */
  calls?: number;
  /** PRNG seed for the data (default 1). */
  seed?: number;
  dataset?: DatasetName;
  /** Put XSS / formula-injection strings into names (default false). */
  hostileNames?: boolean;
  /** Leave `state` off redirects, like a provider that drops it (default false). */
  dropState?: boolean;
  /** Refuse authorization requests without a PKCE code_challenge (default false). */
  requirePkce?: boolean;
  /** Delay every answer of the token endpoint and the REST API by this many ms, like a distant server (default 0). */
  latencyMs?: number;
  /** Anchor for generated data (default: when this process started). */
  now?: Date;
  /** Current time in ms, for code expiry, token `created_at` and new calls (default `Date.now`). */
  clock?: () => number;
}

export interface RunningSandbox {
  /** `http://127.0.0.1:PORT` */
  url: string;
  close(): Promise<void>;
}

const PROCESS_START = new Date();
/** How many calls the sandbox generates unless told otherwise. */
export const DEFAULT_CALLS = 250;
const API_PREFIX = `${FIRMAFON_API_BASE_PATH}/`;
/** Firmafon's v1 API: only where a voice mail's `sound.url` points. */
const API_V1_BASE_PATH = '/api/v1';
const PAGE_ACTIONS = new Set(['revoke-all', 'sign-out', 'forget-approvals', 'ring', 'answer', 'end', 'presence']);

function validateClients(clients: readonly SandboxClient[]): void {
  if (clients.length === 0) throw new TypeError('startSandbox: register at least one client');
  const ids = new Set<string>();
  for (const client of clients) {
    if (!client.clientId || !client.clientSecret) throw new TypeError('startSandbox: every client needs a clientId and a clientSecret');
    if (ids.has(client.clientId)) throw new TypeError(`startSandbox: duplicate clientId ${client.clientId}`);
    ids.add(client.clientId);
    if (client.redirectUris.length === 0) throw new TypeError(`startSandbox: client ${client.clientId} has no redirect URIs`);
    for (const uri of client.redirectUris) {
      // RFC 6749 §3.1.2: absolute, no fragment.
      if (!URL.canParse(uri) || uri.includes('#')) {
        throw new TypeError(`startSandbox: redirect URI ${uri} must be an absolute URL without a fragment`);
      }
    }
  }
}

function methodNotAllowed(res: ServerResponse, allow: string, kind: 'html' | 'oauth'): void {
  if (kind === 'oauth') {
    sendJson(res, 405, { error: 'invalid_request', error_description: `Method not allowed; use ${allow}.` }, { Allow: allow, 'Cache-Control': 'no-store' });
  } else {
    sendHtml(res, 405, simplePage('Method not allowed', `Use ${allow}.`), { Allow: allow });
  }
}

const WILDCARD_HOSTS = new Set(['0.0.0.0', '::', '[::]']);

/** `http://ADDRESS:PORT` of the socket's local end: the server's own address as this request reached it. */
function socketOrigin(req: IncomingMessage): string {
  const { localAddress = '127.0.0.1', localPort } = req.socket;
  const address = localAddress.startsWith('::ffff:') ? localAddress.slice('::ffff:'.length) : localAddress;
  return `http://${address.includes(':') ? `[${address}]` : address}:${localPort ?? 0}`;
}

/** The configured `latencyMs`, read per request so the control API can change it between requests. */
async function latency(state: SandboxState): Promise<void> {
  if (state.settings.latencyMs > 0) await delay(state.settings.latencyMs);
}

/** `origin`: the server's own (`http://127.0.0.1:PORT`), for the absolute URLs the API answers with. */
const isPushPath = (path: string): boolean => path === PUSH_MOUNT || path.startsWith(`${PUSH_MOUNT}/`);

async function route(state: SandboxState, push: PushServer, req: IncomingMessage, res: ServerResponse, origin: string): Promise<void> {
  const raw = req.url ?? '';
  if (!raw.startsWith('/')) {
    sendHtml(res, 400, simplePage('Bad request', 'Malformed request target.'));
    return;
  }
  const url = new URL(`http://sandbox.invalid${raw}`);
  const path = url.pathname;
  const method = req.method ?? 'GET';

  if (path === '/' || path === '/sandbox') {
    if (method !== 'GET') return methodNotAllowed(res, 'GET', 'html');
    return handleHome(state, req, res, url);
  }
  if (isPushPath(path)) return push.handle(req, res);
  if (path.startsWith('/sandbox/control/')) {
    await handleControl(state, req, res, path.slice('/sandbox/control/'.length));
    push.sync();
    return;
  }
  if (path.startsWith('/sandbox/') && PAGE_ACTIONS.has(path.slice('/sandbox/'.length))) {
    if (method !== 'POST') return methodNotAllowed(res, 'POST', 'html');
    await handlePageAction(state, req, res, path.slice('/sandbox/'.length));
    push.sync();
    return;
  }
  if (path === `${FIRMAFON_API_BASE_PATH}/authorize`) {
    if (method === 'GET') return handleAuthorizeGet(state, req, res, url);
    if (method === 'POST') return handleConsentPost(state, req, res);
    return methodNotAllowed(res, 'GET, POST', 'html');
  }
  if (path === `${FIRMAFON_API_BASE_PATH}/authorize/login`) {
    if (method !== 'POST') return methodNotAllowed(res, 'POST', 'html');
    return handleLoginPost(state, req, res);
  }
  if (path === `${FIRMAFON_API_BASE_PATH}/token`) {
    await latency(state);
    if (method !== 'POST') return methodNotAllowed(res, 'POST', 'oauth');
    return handleToken(state, req, res, url);
  }
  if (path.startsWith(API_PREFIX)) {
    await latency(state);
    await handleApi(state, req, res, url, path.slice(FIRMAFON_API_BASE_PATH.length), origin);
    if (method !== 'GET' && method !== 'HEAD') push.sync();
    return;
  }
  if (path.startsWith(`${API_V1_BASE_PATH}/`)) {
    await latency(state);
    return handleApiV1(state, req, res, url, path.slice(API_V1_BASE_PATH.length));
  }
  sendHtml(res, 404, simplePage('Not found', 'There is nothing here. Try /sandbox.'));
}

export async function startSandbox(options: SandboxOptions): Promise<RunningSandbox> {
  validateClients(options.clients);
  const latencyMs = options.latencyMs ?? 0;
  if (!Number.isInteger(latencyMs) || latencyMs < 0 || latencyMs > MAX_LATENCY_MS) {
    throw new TypeError(`startSandbox: latencyMs must be a whole number from 0 to ${MAX_LATENCY_MS}`);
  }
  const state = new SandboxState({
    clients: options.clients.map((c) => ({ ...c, redirectUris: [...c.redirectUris] })),
    settings: {
      calls: options.calls ?? DEFAULT_CALLS,
      seed: options.seed ?? 1,
      dataset: options.dataset ?? 'default',
      hostileNames: options.hostileNames ?? false,
      dropState: options.dropState ?? false,
      requirePkce: options.requirePkce ?? false,
      latencyMs,
    },
    now: options.now ?? PROCESS_START,
    clock: options.clock ?? Date.now,
  });

  // Known once listening; requests only arrive after that. Not taken from the Host header, which a client chooses.
  let origin = '';
  const push = createPushServer(state);
  state.pushControl = push;
  const server = createServer((req, res) => {
    route(state, push, req, res, origin || socketOrigin(req)).catch((error: unknown) => {
      console.error('Firmafon sandbox: unexpected error', error instanceof Error ? error.message : error);
      if (!res.headersSent) sendJson(res, 500, { status: 500, message: 'Internal server error' });
      else res.destroy();
    });
  });

  // Faye's WebSocket transport; nothing else upgrades.
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = (req.url ?? '').split('?')[0] ?? '';
    if (isPushPath(path)) push.handleUpgrade(req, socket, head);
    else socket.destroy();
  });

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('startSandbox: not listening on a TCP port');
  const { port } = address;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  // On a wildcard address (0.0.0.0, ::) each request names the server by the address it reached instead.
  if (!WILDCARD_HOSTS.has(host)) origin = `http://${urlHost}:${port}`;
  return {
    url: `http://${urlHost}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        push.close();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
