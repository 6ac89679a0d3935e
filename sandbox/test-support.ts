/**
 * Helpers for the sandbox's own tests: a started server, a tiny cookie-keeping "browser" on real `fetch`,
 * and the OAuth dance. Not part of the sandbox itself.
 */
import { createHash, randomBytes } from 'node:crypto';
import { startSandbox, type RunningSandbox, type SandboxOptions } from './server.ts';
import type { SandboxClient } from './state.ts';

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

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
export function unescapeHtml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (m) => ENTITIES[m] ?? m);
}

/** The hidden inputs of a page's form, in order. */
export function hiddenFields(page: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const m of page.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)) {
    out.push([unescapeHtml(m[1] ?? ''), unescapeHtml(m[2] ?? '')]);
  }
  return out;
}

/** Real fetch that keeps cookies and never follows redirects. */
export class Browser {
  readonly cookies = new Map<string, string>();

  constructor(readonly base: string) {}

  private remember(res: Response): Response {
    for (const cookie of res.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const eq = pair?.indexOf('=') ?? -1;
      if (!pair || eq < 0) continue;
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      if (/max-age=0/i.test(cookie) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  private headers(): Record<string, string> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    return cookie ? { cookie } : {};
  }

  async get(path: string): Promise<Response> {
    return this.remember(await fetch(new URL(path, this.base), { redirect: 'manual', headers: this.headers() }));
  }

  async postForm(path: string, fields: Array<readonly [string, string]>): Promise<Response> {
    return this.remember(
      await fetch(new URL(path, this.base), {
        method: 'POST',
        redirect: 'manual',
        headers: { ...this.headers(), 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields.map(([k, v]): [string, string] => [k, v])).toString(),
      }),
    );
  }
}

export function authorizePath(params: Record<string, string>): string {
  return `/api/v2/authorize?${new URLSearchParams(params).toString()}`;
}

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** Logs in on the login page shown for `path` and returns the response (consent page or redirect). */
export async function logIn(browser: Browser, path: string, email = 'mette@firmafon.test', password = 'sandbox'): Promise<Response> {
  const loginPage = await (await browser.get(path)).text();
  return browser.postForm('/api/v2/authorize/login', [...hiddenFields(loginPage), ['email', email], ['password', password]]);
}

/** Presses a consent button on a consent page. */
export async function decide(browser: Browser, consentPage: string, decision: 'authorize' | 'deny'): Promise<Response> {
  return browser.postForm('/api/v2/authorize', [...hiddenFields(consentPage), ['decision', decision]]);
}

/** The whole dance for a fresh browser: authorize → log in → Authorize. Returns the redirect Location. */
export async function obtainRedirect(
  base: string,
  params: Record<string, string> = {},
  email = 'mette@firmafon.test',
): Promise<URL> {
  const browser = new Browser(base);
  const path = authorizePath({ client_id: CLIENT.clientId, response_type: 'code', redirect_uri: REDIRECT_URI, state: 'st', ...params });
  const consent = await logIn(browser, path, email);
  const res = consent.status === 302 ? consent : await decide(browser, await consent.text(), 'authorize');
  const location = res.headers.get('location');
  if (res.status !== 302 || !location) throw new Error(`expected a redirect, got ${res.status}`);
  return new URL(location);
}

export async function obtainCode(base: string, params: Record<string, string> = {}, email?: string): Promise<string> {
  const code = (await obtainRedirect(base, params, email)).searchParams.get('code');
  if (!code) throw new Error('no code in redirect');
  return code;
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
  const res = await postToken(base, {
    grant_type: 'authorization_code',
    code,
    redirect_uri: REDIRECT_URI,
    client_id: CLIENT.clientId,
    client_secret: CLIENT.clientSecret,
  });
  const json = (await res.json()) as { access_token?: string };
  if (!json.access_token) throw new Error(`token request failed: ${res.status}`);
  return json.access_token;
}

export async function getJson(url: string, token?: string): Promise<{ status: number; body: unknown; res: Response }> {
  const res = await fetch(url, token ? { headers: { authorization: `Bearer ${token}` } } : {});
  return { status: res.status, body: (await res.json()) as unknown, res };
}
