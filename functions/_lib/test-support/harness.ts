/**
 * Shared test fixtures for the function tests: a known environment set on `process.env` (and restored), request
 * builders, and a response inspector that fails the test when a response leaks the secret or a CORS header.
 */
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, expect, vi } from 'vitest';
import { DASHBOARD_REQUEST_HEADER, DASHBOARD_REQUEST_HEADER_VALUE, TOKEN_PATH } from '../../../common/routes.ts';
import { ENV_KEYS } from '../env.ts';

export const CLIENT_ID = 'dashboard-client-id';
export const CLIENT_SECRET = 'Sup3r-s3cret-client-secret-7f2c';
export const CODE = 'authorization-code-9b1e44';
export const ACCESS_TOKEN = 'access-token-0c77a1';
export const VERIFIER = 'v'.repeat(20) + '-._~' + 'A1'.repeat(12);

/**
 * The `state` the SPA sends for a sign-in with `verifier` started at `issuedAtSeconds` (default: now), computed here
 * with node:crypto — independently of common/sign-in-binding.ts, which the function uses.
 */
export function boundState(verifier: string = VERIFIER, issuedAtSeconds: number = Math.floor(Date.now() / 1000)): string {
  const digest = createHash('sha256').update(`firmafon-dashboard/state/v1\n${issuedAtSeconds}\n${verifier}`).digest('base64url');
  return `b1.${issuedAtSeconds}.${digest}`;
}

/** The relay nonce a deploy preview's sign-in with `verifier` asks to be signed (node:crypto, independently). */
export function boundRelayNonce(verifier: string = VERIFIER): string {
  return createHash('sha256').update(`firmafon-dashboard/relay-nonce/v1\n${verifier}`).digest('base64url');
}

/** The proof fields of a redemption by the browser that started the sign-in: its verifier and the state it got back. */
export function bound(verifier: string = VERIFIER): { code_verifier: string; state: string } {
  return { code_verifier: verifier, state: boundState(verifier) };
}
export const SITE = 'https://dash.example';
export const CALLBACK = `${SITE}/auth/callback`;
/** The production relay, as registered at Firmafon. */
export const RELAY = `${SITE}/auth/relay`;
/** The site's Netlify name and one of its deploy previews. */
export const SITE_NAME = 'dash-site';
export const PREVIEW = `https://deploy-preview-42--${SITE_NAME}.netlify.app`;
export const RELAY_KEY = 'relay-signing-key-for-tests-0b7c1d9e5f3a';
/** 43 base64url characters, as the SPA's `createState()` makes. */
export const NONCE = 'n0nce-n0nce-n0nce-n0nce-n0nce-n0nce-n0nce-0';

export type TestEnv = Partial<Record<(typeof ENV_KEYS)[number], string>>;

/** A complete, valid environment pointing at `firmafonUrl`. */
export function baseEnv(firmafonUrl: string): TestEnv {
  return {
    FIRMAFON_URL: firmafonUrl,
    FIRMAFON_CLIENT_ID: CLIENT_ID,
    FIRMAFON_CLIENT_SECRET: CLIENT_SECRET,
    URL: SITE,
    // Generous: a loaded CI machine must not turn a healthy exchange into a 504. Timeout tests set their own.
    FIRMAFON_TIMEOUT_MS: '10000',
  };
}

/**
 * What the functions of the deploy preview PREVIEW see with the relay set up: `URL` (the main address, a custom domain
 * here) and `SITE_NAME` from Netlify at run time, `DEPLOY_PRIME_URL` (its own address) as its build captured it
 * (deploy-build-env.ts; the run-time variable stands in for it), the rest from the site's settings.
 */
export function relayEnv(firmafonUrl: string): TestEnv {
  return { ...baseEnv(firmafonUrl), SITE_NAME, DEPLOY_PRIME_URL: PREVIEW, RELAY_SIGNING_KEY: RELAY_KEY };
}

/** Replaces every variable the functions read with `env` (unset when absent); returns the undo. */
export function setProcessEnv(env: TestEnv): () => void {
  const saved = ENV_KEYS.map((key) => [key, process.env[key]] as const);
  for (const key of ENV_KEYS) {
    const value = env[key];
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  return () => {
    for (const [key, value] of saved) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
}

/**
 * For a test file: every test starts from `initial()` (when given) and ends with the process environment as it
 * was. The returned `useEnv(env)` swaps in another environment within a test.
 */
export function envPerTest(initial?: () => TestEnv): (env: TestEnv) => void {
  let restore: () => void = () => undefined;
  const useEnv = (env: TestEnv) => {
    restore();
    restore = setProcessEnv(env);
  };
  if (initial) beforeEach(() => useEnv(initial()));
  afterEach(() => {
    restore();
    restore = () => undefined;
  });
  return useEnv;
}

export interface TokenRequestInit {
  method?: string;
  /** Replaces the default headers; `null` removes one. */
  headers?: Record<string, string | null>;
  /** A value to JSON-encode, or a raw string / stream. */
  body?: unknown;
  raw?: string | ReadableStream<Uint8Array>;
  /** Where the request is sent and the `Origin` it carries (default SITE). */
  origin?: string;
}

/** A request as the SPA sends it: POST, JSON, the custom header, the site's Origin (`origin`, default SITE). */
export function tokenRequest(init: TokenRequestInit = {}): Request {
  return dashboardPost(TOKEN_PATH, init);
}

/** A POST as the SPA's script sends it to `path` on `init.origin` (default SITE), from that same origin. */
export function dashboardPost(path: string, init: TokenRequestInit = {}): Request {
  const origin = init.origin ?? SITE;
  const headers = new Headers({ 'Content-Type': 'application/json', [DASHBOARD_REQUEST_HEADER]: DASHBOARD_REQUEST_HEADER_VALUE, Origin: origin });
  for (const [name, value] of Object.entries(init.headers ?? {})) {
    if (value === null) headers.delete(name);
    else headers.set(name, value);
  }
  const method = init.method ?? 'POST';
  const body = init.raw ?? JSON.stringify(init.body ?? { code: CODE, redirect_uri: CALLBACK, ...bound() });
  const hasBody = method !== 'GET' && method !== 'HEAD';
  const requestInit: RequestInit & { duplex?: 'half' } = { method, headers };
  if (hasBody) {
    requestInit.body = body;
    if (typeof body !== 'string') requestInit.duplex = 'half';
  }
  return new Request(`${origin}${path}`, requestInit);
}

/** A body stream of `size` bytes sent in small chunks, with no Content-Length. */
export function streamOf(size: number, chunk = 512): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= size) return controller.close();
      const n = Math.min(chunk, size - sent);
      sent += n;
      controller.enqueue(new TextEncoder().encode(' '.repeat(n)));
    },
  });
}

export interface Inspected {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

/** Everything every test saw, for the leak assertions at the end of a file. */
export const seen: { responses: string[]; logs: string[] } = { responses: [], logs: [] };

/**
 * Reads a response and checks what must hold for every answer of every function: no-store, nosniff, no CORS,
 * and no secret or authorization code anywhere in it.
 */
export async function inspect(response: Response): Promise<Inspected> {
  const text = await response.text();
  const lines: string[] = [];
  response.headers.forEach((value, name) => lines.push(`${name}: ${value}`));
  const headerText = lines.join('\n');
  seen.responses.push(`${response.status}\n${headerText}\n\n${text}`);
  expect(response.headers.get('cache-control')).toBe('no-store');
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(lines.filter((line) => line.startsWith('access-control-'))).toEqual([]);
  expect(headerText + text).not.toContain(CLIENT_SECRET);
  expect(text).not.toContain(CODE);
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

/**
 * Captures console output for the file: each line is recorded for the leak checks; `console.error` (our handlers
 * use it only for unexpected exceptions) fails the test unless the test expects it.
 */
export function captureConsole(): { errors: string[] } {
  const state = { errors: [] as string[] };
  beforeEach(() => {
    state.errors = [];
    const record = (level: string) => (...args: unknown[]) => {
      const line = args.map(String).join(' ');
      seen.logs.push(line);
      if (level === 'error') state.errors.push(line);
    };
    vi.spyOn(console, 'warn').mockImplementation(record('warn'));
    vi.spyOn(console, 'log').mockImplementation(record('log'));
    vi.spyOn(console, 'info').mockImplementation(record('info'));
    vi.spyOn(console, 'error').mockImplementation(record('error'));
  });
  afterEach(() => {
    vi.restoreAllMocks();
    expect(state.errors).toEqual([]);
  });
  return state;
}
