/**
 * A scripted client of the Firmafon sandbox, on Node's `fetch`: a cookie-keeping "browser" that logs in, consents
 * and authorizes (RFC 6749 §4.1, PKCE S256 per RFC 7636) and reads the code from the redirect's `Location`; the
 * token request (§4.1.3); and the sandbox's JSON control API. The sandbox's tests, the bench and the browser tests'
 * fixtures all use it. It speaks HTTP only and imports no server code (types aside), so it works against any
 * running sandbox.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { CallJson, CallNodeJson } from './data/index.ts';
import type { ApiFault, BehaviourSettings, DialLogEntry, DoNotDisturbLogEntry, RequestLog, Settings } from './state.ts';

const API = '/api/v2';

export interface SandboxCredentials {
  email: string;
  password: string;
}

/** Mette Jensen, employee 1 (sandbox/README.md lists the users). */
export const SANDBOX_USER: Readonly<SandboxCredentials> = { email: 'mette@firmafon.test', password: 'sandbox' };

// ---------------------------------------------------------------------------------------------------------
// The authorization code flow, as a browser would do it

/** `fetch` that keeps the cookies it is given (here: the sandbox's session) and never follows a redirect. */
export class SandboxBrowser {
  readonly cookies = new Map<string, string>();

  /** `base`: the sandbox's origin, e.g. `http://127.0.0.1:8899`. */
  constructor(readonly base: string) {}

  async get(path: string): Promise<Response> {
    return this.remember(await fetch(new URL(path, this.base), { redirect: 'manual', headers: this.cookieHeader() }));
  }

  /** POSTs `fields` as `application/x-www-form-urlencoded`, as an HTML form does. */
  async postForm(path: string, fields: ReadonlyArray<readonly [string, string]>): Promise<Response> {
    return this.remember(
      await fetch(new URL(path, this.base), {
        method: 'POST',
        redirect: 'manual',
        headers: { ...this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields.map(([k, v]): [string, string] => [k, v])).toString(),
      }),
    );
  }

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

  private cookieHeader(): Record<string, string> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    return cookie ? { cookie } : {};
  }
}

/** `/api/v2/authorize?…` with `params` as its query. */
export function authorizePath(params: Record<string, string>): string {
  return `${API}/authorize?${new URLSearchParams(params).toString()}`;
}

export interface Pkce {
  verifier: string;
  challenge: string;
}

/** A fresh PKCE pair: 256-bit verifier, S256 challenge (RFC 7636 §4.1–§4.2). */
export function pkcePair(): Pkce {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** The sandbox's login page (its consent page has no password field). */
const LOGIN_FORM = /<input[^>]* name="password"/;

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/** Undoes common/html.ts's `escapeHtml`. */
export function unescapeHtml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (m) => ENTITIES[m] ?? m);
}

/** The hidden inputs of a page's form, in order (the authorize parameters and the CSRF token). */
export function hiddenFields(page: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const m of page.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)) {
    out.push([unescapeHtml(m[1] ?? ''), unescapeHtml(m[2] ?? '')]);
  }
  return out;
}

/** Submits the login form on `loginPage` (an authorize request's login page) as `email`/`password`. */
export async function submitLogin(browser: SandboxBrowser, loginPage: string, email: string, password: string): Promise<Response> {
  return browser.postForm(`${API}/authorize/login`, [...hiddenFields(loginPage), ['email', email], ['password', password]]);
}

/**
 * Opens `path` (an authorize URL) and submits the login form it shows. Answers the sandbox's response: the consent
 * page, a redirect (the app was approved before) or the login page again (wrong password).
 */
export async function logIn(browser: SandboxBrowser, path: string, email = SANDBOX_USER.email, password = SANDBOX_USER.password): Promise<Response> {
  return submitLogin(browser, await (await browser.get(path)).text(), email, password);
}

/** Presses "Authorize" or "Deny" on a consent page. */
export async function decide(browser: SandboxBrowser, consentPage: string, decision: 'authorize' | 'deny'): Promise<Response> {
  return browser.postForm(`${API}/authorize`, [...hiddenFields(consentPage), ['decision', decision]]);
}

/**
 * One authorization request (`params`: `client_id`, `redirect_uri`, `state`, …) carried through to the sandbox's
 * redirect, as a person would: logs in as `user` when the login page shows, presses Authorize when asked for
 * consent. Answers the redirect's `Location` (`redirect_uri?code=…&state=…`, or `?error=…`); throws on anything
 * else (e.g. the 400 page for an unknown client).
 */
export async function authorize(browser: SandboxBrowser, params: Record<string, string>, user: SandboxCredentials = SANDBOX_USER): Promise<URL> {
  let res = await browser.get(authorizePath(params));
  if (res.status === 200) {
    const page = await res.text();
    res = LOGIN_FORM.test(page) ? await submitLogin(browser, page, user.email, user.password) : await decide(browser, page, 'authorize');
    if (res.status === 200) res = await decide(browser, await res.text(), 'authorize');
  }
  const location = res.headers.get('location');
  if (res.status !== 302 || !location) throw new Error(`expected a redirect from the sandbox, got ${res.status}`);
  return new URL(location);
}

/** The `code` of an authorization redirect (RFC 6749 §4.1.2). */
export function codeFrom(location: URL): string {
  const code = location.searchParams.get('code');
  if (!code) throw new Error(`the sandbox did not redirect with a code (${location.searchParams.get('error') ?? 'no error either'})`);
  return code;
}

export interface CodeRedemption {
  code: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  /** RFC 7636 §4.5; only when the code was asked for with a challenge. */
  codeVerifier?: string;
}

/** `POST /api/v2/token` (RFC 6749 §4.1.3, credentials in the form body, §2.3.1). Answers the access token. */
export async function redeemCode(sandboxUrl: string, redemption: CodeRedemption): Promise<string> {
  const form = new URLSearchParams({
    grant_type: 'authorization_code',
    code: redemption.code,
    redirect_uri: redemption.redirectUri,
    client_id: redemption.clientId,
    client_secret: redemption.clientSecret,
  });
  if (redemption.codeVerifier !== undefined) form.set('code_verifier', redemption.codeVerifier);
  const res = await fetch(`${sandboxUrl}${API}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
  });
  const json = (await res.json().catch(() => ({}))) as { access_token?: unknown };
  if (res.status !== 200 || typeof json.access_token !== 'string') throw new Error(`token request failed: ${res.status}`);
  return json.access_token;
}

export interface SandboxOAuthClientOptions {
  sandboxUrl: string;
  clientId: string;
  redirectUri: string;
  /** Needed only for `token()`. */
  clientSecret?: string;
  user?: SandboxCredentials;
}

/**
 * A registered client and a signed-in user: logs in and consents on the first request, then gets a fresh
 * single-use code per `code()` with a new `state` and the client's one PKCE S256 challenge (`pkce`).
 */
export class SandboxOAuthClient {
  readonly pkce: Pkce = pkcePair();
  private readonly browser: SandboxBrowser;

  constructor(private readonly options: SandboxOAuthClientOptions) {
    this.browser = new SandboxBrowser(options.sandboxUrl);
  }

  /** The redirect for one authorization request; `extra` parameters go on top of the usual ones. */
  authorize(extra: Record<string, string> = {}): Promise<URL> {
    const params = {
      client_id: this.options.clientId,
      redirect_uri: this.options.redirectUri,
      response_type: 'code',
      state: randomBytes(16).toString('base64url'),
      code_challenge: this.pkce.challenge,
      code_challenge_method: 'S256',
      ...extra,
    };
    return authorize(this.browser, params, this.options.user);
  }

  async code(): Promise<string> {
    return codeFrom(await this.authorize());
  }

  /** `count` codes, one after another. */
  async codes(count: number): Promise<string[]> {
    const codes: string[] = [];
    for (let i = 0; i < count; i += 1) codes.push(await this.code());
    return codes;
  }

  /** A new access token: a code, redeemed with the client secret and the PKCE verifier. */
  async token(): Promise<string> {
    if (this.options.clientSecret === undefined) throw new TypeError('SandboxOAuthClient: token() needs clientSecret');
    return redeemCode(this.options.sandboxUrl, {
      code: await this.code(),
      clientId: this.options.clientId,
      clientSecret: this.options.clientSecret,
      redirectUri: this.options.redirectUri,
      codeVerifier: this.pkce.verifier,
    });
  }
}

// ---------------------------------------------------------------------------------------------------------
// The control API (sandbox/README.md, "Sandbox pages and control API")

/** `reset`'s body: settings to regenerate with; the rest fall back to the sandbox's start options. */
export type SandboxResetOptions = Partial<Settings>;
/** The settings `settings` changes without a reset. */
export type SandboxBehaviour = BehaviourSettings;
export type { ApiFault, DialLogEntry, DoNotDisturbLogEntry, RequestLog } from './state.ts';

export type SandboxPresence = 'available' | 'ringing' | 'busy' | 'do_not_disturb' | 'unknown';

/** A call in progress as the control API answers it. */
export interface SandboxLiveCall {
  callUuid: string;
  nodes: CallNodeJson[];
}

export interface SandboxControl {
  /** The sandbox's origin. */
  readonly url: string;
  /** Forgets tokens, codes, sessions, approvals, faults and logs, and regenerates the data. */
  reset(options?: SandboxResetOptions): Promise<{ ok: true }>;
  revokeAll(): Promise<{ revoked: number }>;
  /** Changes some behaviour settings now; answers all of them. */
  settings(changes?: Partial<SandboxBehaviour>): Promise<SandboxBehaviour>;
  /** Incoming calls starting now: `missed` (default) or still `ringing`. */
  addCalls(count: number, status?: 'missed' | 'ringing'): Promise<{ calls: CallJson[] }>;
  /** The next `times` API requests for `/api/v2{path}` fail with `status`. */
  fault(fault: ApiFault): Promise<{ faults: ApiFault[] }>;
  /** What reached the sandbox (no codes, tokens or secrets). */
  log(): Promise<RequestLog>;
  /** The calls placed through `POST /api/v2/switch/dial` since the last reset, oldest first (from `log`). */
  dials(): Promise<DialLogEntry[]>;
  /** The do-not-disturb changes accepted through `PUT /api/v2/employees/:id`, oldest first (from `log`). */
  doNotDisturbChanges(): Promise<DoNotDisturbLogEntry[]>;
  /** A new incoming call at a reception (default the first), ringing `employeeIds` or, with none, waiting in its queue. */
  ringCall(options?: { receptionId?: number; employeeIds?: number[]; fromNumber?: string }): Promise<SandboxLiveCall>;
  /** Rings more employees for a call still waiting or ringing. */
  ringMore(callUuid: string, employeeIds: number[]): Promise<SandboxLiveCall>;
  answerCall(callUuid: string, employeeId: number): Promise<SandboxLiveCall>;
  /** The call ends and moves to the history (answered or missed). */
  endCall(callUuid: string): Promise<{ call: CallJson }>;
  /** Stops the push service (every connection dropped, 503 until started) or starts it again; `reset` starts it. */
  setPush(enabled: boolean): Promise<{ enabled: boolean }>;
  /** The sandbox's "now" from here on (it runs on from there; `reset` sets it back), for tests on a fake clock. */
  setClock(nowMs: number): Promise<{ now: string }>;
  /** An employee's own presence (calls in progress and do-not-disturb override it). */
  setPresence(employeeId: number, presence: SandboxPresence): Promise<{ employeeId: number; presence: SandboxPresence }>;
}

/** The control API of the sandbox at `sandboxUrl`. Every call throws unless the answer is 200. */
export function sandboxControl(sandboxUrl: string, { timeoutMs = 120_000 }: { timeoutMs?: number } = {}): SandboxControl {
  async function control<T>(action: string, body?: unknown): Promise<T> {
    const response = await fetch(`${sandboxUrl}/sandbox/control/${action}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (response.status !== 200) throw new Error(`sandbox control ${action} failed: ${response.status} ${(await response.text()).slice(0, 200)}`);
    return (await response.json()) as T;
  }
  return {
    url: sandboxUrl,
    reset: (options = {}) => control('reset', options),
    revokeAll: () => control('revoke-all', {}),
    settings: (changes = {}) => control('settings', changes),
    addCalls: (count, status) => control('add-calls', status === undefined ? { count } : { count, status }),
    fault: (fault) => control('fault', fault),
    log: () => control('log'),
    dials: async () => (await control<RequestLog>('log')).dials,
    doNotDisturbChanges: async () => (await control<RequestLog>('log')).doNotDisturb,
    ringCall: (options = {}) => control('call', { action: 'ring', ...options }),
    ringMore: (callUuid, employeeIds) => control('call', { action: 'ring', callUuid, employeeIds }),
    answerCall: (callUuid, employeeId) => control('call', { action: 'answer', callUuid, employeeId }),
    endCall: (callUuid) => control('call', { action: 'end', callUuid }),
    setPush: (enabled) => control('push', { enabled }),
    setClock: (nowMs) => control('clock', { nowMs }),
    setPresence: (employeeId, presence) => control('presence', { employeeId, presence }),
  };
}
