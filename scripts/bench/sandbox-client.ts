/**
 * Talks to the Firmafon sandbox over HTTP the way a browser and a client would: its control API, and its
 * authorize flow scripted (login form with a cookie, consent once, then a code per request from the Location
 * header), so the token benchmarks redeem real, single-use codes.
 */
import { createHash, randomBytes } from 'node:crypto';
import { FIRMAFON_API_BASE_PATH } from '../../common/routes.ts';
import { httpRequest } from './http-client.ts';

export const SANDBOX_USER = { email: 'mette@firmafon.test', password: 'sandbox' };

export async function sandboxControl<T>(sandboxUrl: string, path: string, body?: unknown): Promise<T> {
  const response = await httpRequest(`${sandboxUrl}/sandbox/control/${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    timeoutMs: 120_000,
  });
  if (response.status !== 200) throw new Error(`sandbox control ${path}: ${response.status} ${response.body.slice(0, 200)}`);
  return JSON.parse(response.body) as T;
}

export interface CodeIssuerOptions {
  sandboxUrl: string;
  clientId: string;
  redirectUri: string;
}

/** A PKCE pair (RFC 7636 §4.1–4.2, S256) shared by every code this issuer asks for. */
export interface Pkce {
  verifier: string;
  challenge: string;
}

function setCookieValue(header: string | string[] | undefined, name: string): string | null {
  for (const line of Array.isArray(header) ? header : header ? [header] : []) {
    const match = new RegExp(`(?:^|;\\s*)${name}=([^;]*)`).exec(line);
    if (match?.[1]) return match[1];
  }
  return null;
}

function codeFrom(location: string | string[] | undefined): string {
  const value = Array.isArray(location) ? location[0] : location;
  const code = value ? new URL(value).searchParams.get('code') : null;
  if (!code) throw new Error(`the sandbox did not redirect with a code (Location: ${String(value)})`);
  return code;
}

/** Signs in to the sandbox once (login + consent) and then hands out authorization codes, one GET each. */
export class CodeIssuer {
  readonly pkce: Pkce;
  private cookie: string | null = null;

  constructor(private readonly options: CodeIssuerOptions) {
    const verifier = randomBytes(32).toString('base64url');
    this.pkce = { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
  }

  private authorizeParams(): URLSearchParams {
    return new URLSearchParams({
      client_id: this.options.clientId,
      redirect_uri: this.options.redirectUri,
      response_type: 'code',
      state: randomBytes(16).toString('base64url'),
      code_challenge: this.pkce.challenge,
      code_challenge_method: 'S256',
    });
  }

  private async signIn(): Promise<string> {
    const base = `${this.options.sandboxUrl}${FIRMAFON_API_BASE_PATH}`;
    const params = this.authorizeParams();
    const form = { 'Content-Type': 'application/x-www-form-urlencoded' };
    const login = await httpRequest(`${base}/authorize/login`, {
      method: 'POST',
      headers: form,
      body: new URLSearchParams([...params, ['email', SANDBOX_USER.email], ['password', SANDBOX_USER.password]]).toString(),
    });
    const cookie = setCookieValue(login.headers['set-cookie'], 'sandbox_session');
    if (!cookie) throw new Error(`sandbox login failed (${login.status})`);
    this.cookie = `sandbox_session=${cookie}`;
    if (login.status === 302) return codeFrom(login.headers.location);
    const csrf = /name="authenticity_token" value="([^"]+)"/.exec(login.body)?.[1];
    if (!csrf) throw new Error('the sandbox consent page has no authenticity_token');
    const consent = await httpRequest(`${base}/authorize`, {
      method: 'POST',
      headers: { ...form, Cookie: this.cookie },
      body: new URLSearchParams([...params, ['authenticity_token', csrf], ['decision', 'authorize']]).toString(),
    });
    if (consent.status !== 302) throw new Error(`sandbox consent failed (${consent.status})`);
    return codeFrom(consent.headers.location);
  }

  /** A fresh authorization code for the client's redirect URI, bound to `pkce`. */
  async code(): Promise<string> {
    if (!this.cookie) return this.signIn();
    const response = await httpRequest(`${this.options.sandboxUrl}${FIRMAFON_API_BASE_PATH}/authorize?${this.authorizeParams().toString()}`, {
      headers: { Cookie: this.cookie },
    });
    if (response.status !== 302) throw new Error(`sandbox authorize answered ${response.status}, not a redirect`);
    return codeFrom(response.headers.location);
  }

  async codes(count: number): Promise<string[]> {
    const codes: string[] = [];
    for (let i = 0; i < count; i += 1) codes.push(await this.code());
    return codes;
  }
}
