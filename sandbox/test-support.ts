/**
 * Helpers for the sandbox's own tests: a started server with two registered clients and a movable clock, and the
 * OAuth dance for them on the shared scripted client (client.ts). Not part of the sandbox itself.
 */
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { authorize, codeFrom, redeemCode, sandboxControl, SandboxBrowser } from './client.ts';
import { startSandbox, type RunningSandbox, type SandboxOptions } from './server.ts';
import { SANDBOX_PASSWORD, type SandboxClient } from './state.ts';

export const NOW = new Date('2026-11-27T13:30:00Z'); // a Friday, 14:30 in Copenhagen

export const CLIENT: SandboxClient = {
  clientId: 'dashboard',
  clientSecret: 'dashboard-secret-0123456789',
  name: 'Firmafon Dashboard',
  redirectUris: ['http://localhost:5173/auth/callback', 'https://dash.example.test/auth/callback?tenant=a'],
};
export const OTHER_CLIENT: SandboxClient = {
  clientId: 'other-app',
  clientSecret: 'other-secret-9876543210',
  name: 'Other <b>App</b>',
  redirectUris: ['http://localhost:5174/cb'],
};
export const REDIRECT_URI = 'http://localhost:5173/auth/callback';

export interface TestSandbox extends RunningSandbox {
  /** Moves the injected clock. */
  advance(ms: number): void;
}

export async function startTestSandbox(options: Partial<SandboxOptions> = {}): Promise<TestSandbox> {
  let nowMs = NOW.getTime();
  const sandbox = await startSandbox({
    clients: [CLIENT, OTHER_CLIENT],
    calls: 120,
    now: NOW,
    clock: () => nowMs,
    ...options,
  });
  return {
    ...sandbox,
    advance(ms: number) {
      nowMs += ms;
    },
  };
}

/** A sandbox that a test file's hooks start and close: read its fields inside tests and hooks, once they run. */
export interface HookedSandbox extends TestSandbox {
  /** Closes this sandbox and starts another with `options` in its place, which the same hooks close. */
  restart(options?: Partial<SandboxOptions>): Promise<void>;
}

function hookedSandbox(): HookedSandbox & { start(options: Partial<SandboxOptions>): Promise<void>; stop(): Promise<void> } {
  let current: TestSandbox | undefined;
  const started = (): TestSandbox => {
    if (!current) throw new Error('The test sandbox runs only while the tests of its file do.');
    return current;
  };
  const start = async (options: Partial<SandboxOptions>) => {
    current = await startTestSandbox(options);
  };
  return {
    get url() {
      return started().url;
    },
    close: () => started().close(),
    advance: (ms) => started().advance(ms),
    async restart(options = {}) {
      await started().close();
      await start(options);
    },
    start,
    async stop() {
      await current?.close();
    },
  };
}

/** For a test file: a fresh sandbox started with `options` before each test and closed after it. */
export function sandboxPerTest(options: Partial<SandboxOptions> = {}): HookedSandbox {
  const sandbox = hookedSandbox();
  beforeEach(async () => {
    await sandbox.start(options);
  });
  afterEach(async () => {
    await sandbox.stop();
  });
  return sandbox;
}

/**
 * For a test file: one sandbox started with `options` before its first test and closed after its last. With
 * `resetEachTest`, each test starts from a reset: its data regenerated; no tokens, codes, sessions, faults or logs.
 */
export function sandboxPerFile(options: Partial<SandboxOptions> = {}, { resetEachTest = false } = {}): HookedSandbox {
  const sandbox = hookedSandbox();
  beforeAll(async () => {
    await sandbox.start(options);
  });
  afterAll(async () => {
    await sandbox.stop();
  });
  if (resetEachTest) {
    beforeEach(async () => {
      await sandboxControl(sandbox.url).reset();
    });
  }
  return sandbox;
}

/** The whole dance for a fresh browser: authorize → log in → Authorize. Returns the redirect Location. */
export async function obtainRedirect(
  base: string,
  params: Record<string, string> = {},
  email = 'mette@firmafon.test',
): Promise<URL> {
  const path = { client_id: CLIENT.clientId, response_type: 'code', redirect_uri: REDIRECT_URI, state: 'st', ...params };
  return authorize(new SandboxBrowser(base), path, { email, password: SANDBOX_PASSWORD });
}

export async function obtainCode(base: string, params: Record<string, string> = {}, email?: string): Promise<string> {
  return codeFrom(await obtainRedirect(base, params, email));
}

export async function postToken(base: string, fields: Record<string, string>, init: { headers?: Record<string, string>; query?: boolean } = {}): Promise<Response> {
  const body = new URLSearchParams(fields).toString();
  if (init.query) {
    return fetch(`${base}/api/v2/token?${body}`, { method: 'POST', headers: init.headers ?? {} });
  }
  return fetch(`${base}/api/v2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(init.headers ?? {}) },
    body,
  });
}

export async function obtainToken(base: string, email?: string): Promise<string> {
  const code = await obtainCode(base, {}, email);
  return redeemCode(base, { code, clientId: CLIENT.clientId, clientSecret: CLIENT.clientSecret, redirectUri: REDIRECT_URI });
}

export async function getJson(url: string, token?: string): Promise<{ status: number; body: unknown; res: Response }> {
  const res = await fetch(url, token ? { headers: { authorization: `Bearer ${token}` } } : {});
  return { status: res.status, body: (await res.json()) as unknown, res };
}

export interface WriteInit {
  token?: string;
  /** Sent as `application/x-www-form-urlencoded`, as Rails forms and most Firmafon clients send writes. */
  form?: Record<string, string>;
  /** Sent as `application/json`, as one public client sends writes. */
  json?: unknown;
  headers?: Record<string, string>;
}

/**
 * One API request with any method (a GET or HEAD leaves `form`/`json` off); answers the status and the parsed JSON
 * body (null when there is none).
 */
export async function apiRequest(url: string, method: string, init: WriteInit = {}): Promise<{ status: number; body: unknown; res: Response }> {
  const headers: Record<string, string> = { ...(init.headers ?? {}) };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  let body: string | undefined;
  if (method === 'GET' || method === 'HEAD') {
    // fetch refuses a body on these.
  } else if (init.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(init.form).toString();
  } else if (init.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(init.json);
  }
  const res = await fetch(url, { method, headers, body });
  const text = await res.text();
  return { status: res.status, body: text === '' ? null : (JSON.parse(text) as unknown), res };
}
