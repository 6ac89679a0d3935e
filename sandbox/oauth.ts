/**
 * The OAuth 2.0 authorization server: `/api/v2/authorize` (login, consent) and `/api/v2/token`, behaving like
 * Doorkeeper as firmafon-api.md describes it (RFC 6749 §4.1, RFC 7636). Its inputs are hostile browsers and
 * clients; it is strict wherever the RFCs are, and adds nothing a real provider would not have.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createHash } from 'node:crypto';
import { ErrorCode } from '../common/errors.ts';
import { CODE_VERIFIER_PATTERN } from '../common/token-contract.ts';
import {
  appendQuery,
  BodyTooLargeError,
  mediaType,
  Params,
  parseCookies,
  readBody,
  redirect,
  sendHtml,
  sendJson,
} from './http.ts';
import { authorizeErrorPage, consentPage, loginPage, simplePage } from './pages.ts';
import { SANDBOX_USERS, secretsEqual, type PkceMethod, type SandboxClient, type SandboxState } from './state.ts';

export const SESSION_COOKIE = 'sandbox_session';

/** Doorkeeper's descriptions, so clients see the words the real service most likely uses. */
const DESCRIPTIONS = {
  invalidRequest: 'The request is missing a required parameter, includes an unsupported parameter value, or is otherwise malformed.',
  invalidClient: 'Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.',
  invalidGrant: 'The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.',
  unsupportedGrantType: 'The authorization grant type is not supported by the authorization server.',
  unsupportedResponseType: 'The authorization server does not support this response type.',
  accessDenied: 'The resource owner or authorization server denied the request.',
  invalidRedirectUri: "The requested redirect uri is malformed or doesn't match client redirect URI.",
} as const;

const UNSUPPORTED_RESPONSE_TYPE = 'unsupported_response_type';

/** The authorize parameters carried through the login and consent forms. */
const AUTHORIZE_PARAMS = ['client_id', 'redirect_uri', 'response_type', 'state', 'code_challenge', 'code_challenge_method', 'scope'] as const;

/** RFC 7636 §4.2 (code_challenge) — the same alphabet and length as a verifier. */
const CODE_CHALLENGE_PATTERN = /^[A-Za-z0-9\-._~]{43,128}$/;

interface AuthorizeRequest {
  client: SandboxClient;
  redirectUri: string;
  state: string | undefined;
  challenge: { value: string; method: PkceMethod } | null;
  /** Parameters to carry in hidden fields: only those that were sent. */
  carried: Array<readonly [string, string]>;
}

type AuthorizeValidation =
  | { kind: 'page'; error: string; description: string }
  | { kind: 'redirect'; redirectUri: string; state: string | undefined; error: string; description: string }
  | { kind: 'ok'; request: AuthorizeRequest };

/**
 * Validates an authorization request (RFC 6749 §4.1.1, §4.1.2.1; RFC 7636 §4.3). Client and redirect URI
 * problems are shown as a page; once the redirect URI is known to be registered, errors go back to it.
 */
export function validateAuthorize(state: SandboxState, params: Params): AuthorizeValidation {
  if (params.duplicated(['client_id', 'redirect_uri']).length > 0) {
    return { kind: 'page', error: ErrorCode.invalidRequest, description: 'client_id and redirect_uri must be sent once.' };
  }
  const clientId = params.get('client_id');
  if (!clientId) return { kind: 'page', error: ErrorCode.invalidRequest, description: 'Missing required parameter: client_id.' };
  const client = state.findClient(clientId);
  if (!client) return { kind: 'page', error: ErrorCode.invalidClient, description: DESCRIPTIONS.invalidClient };
  const redirectUri = params.get('redirect_uri');
  if (!redirectUri) return { kind: 'page', error: ErrorCode.invalidRequest, description: 'Missing required parameter: redirect_uri.' };
  // Exact string comparison (RFC 6749 §3.1.2.3 with registered URIs; Doorkeeper compares exactly too).
  if (!client.redirectUris.includes(redirectUri)) {
    return { kind: 'page', error: 'invalid_redirect_uri', description: DESCRIPTIONS.invalidRedirectUri };
  }

  const stateParam = params.get('state');
  const fail = (error: string, description: string): AuthorizeValidation => ({
    kind: 'redirect',
    redirectUri,
    state: stateParam,
    error,
    description,
  });
  const duplicated = params.duplicated(['response_type', 'state', 'code_challenge', 'code_challenge_method', 'scope']);
  if (duplicated.length > 0) return fail(ErrorCode.invalidRequest, `Parameters sent more than once: ${duplicated.join(', ')}.`);
  const responseType = params.get('response_type');
  if (!responseType) return fail(ErrorCode.invalidRequest, 'Missing required parameter: response_type.');
  if (responseType !== 'code') return fail(UNSUPPORTED_RESPONSE_TYPE, DESCRIPTIONS.unsupportedResponseType);

  const challenge = params.get('code_challenge');
  let pkce: AuthorizeRequest['challenge'] = null;
  if (challenge === undefined || challenge === '') {
    if (state.settings.requirePkce) return fail(ErrorCode.invalidRequest, 'Code challenge is required.');
  } else {
    const method = params.get('code_challenge_method') ?? 'plain';
    if (method !== 'S256' && method !== 'plain') {
      return fail(ErrorCode.invalidRequest, 'Transform algorithm not supported: code_challenge_method must be S256 or plain.');
    }
    if (!CODE_CHALLENGE_PATTERN.test(challenge)) return fail(ErrorCode.invalidRequest, 'The code_challenge is malformed.');
    pkce = { value: challenge, method };
  }
  const carried: Array<readonly [string, string]> = [];
  for (const name of AUTHORIZE_PARAMS) {
    const value = params.get(name);
    if (value !== undefined) carried.push([name, value]);
  }
  return { kind: 'ok', request: { client, redirectUri, state: stateParam, challenge: pkce, carried } };
}

/** Redirect back to the client with parameters; `state` as received, unless the sandbox drops it on purpose. */
function redirectToClient(
  state: SandboxState,
  res: ServerResponse,
  redirectUri: string,
  params: Array<readonly [string, string]>,
  stateParam: string | undefined,
  headers: Record<string, string | string[]> = {},
): void {
  const all = [...params];
  if (stateParam !== undefined && !state.settings.dropState) all.push(['state', stateParam]);
  redirect(res, 302, appendQuery(redirectUri, all), headers);
}

function answerInvalid(state: SandboxState, res: ServerResponse, v: Exclude<AuthorizeValidation, { kind: 'ok' }>): void {
  if (v.kind === 'page') {
    sendHtml(res, 400, authorizeErrorPage(v.error, v.description));
    return;
  }
  redirectToClient(state, res, v.redirectUri, [['error', v.error], ['error_description', v.description]], v.state);
}

function currentSession(state: SandboxState, req: IncomingMessage) {
  const id = parseCookies(req.headers.cookie).get(SESSION_COOKIE);
  if (!id) return undefined;
  const session = state.sessions.get(id);
  return session ? { id, ...session } : undefined;
}

function sessionCookie(id: string): string {
  return `${SESSION_COOKIE}=${id}; Path=/; HttpOnly; SameSite=Lax`;
}

export function clearedSessionCookie(): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`;
}

function employeeName(state: SandboxState, employeeId: number): string {
  return state.data.employees.find((e) => e.id === employeeId)?.name ?? `Employee ${employeeId}`;
}

/** Signed in: redirect with a code if the app is already approved (Doorkeeper's skip), else ask. */
function continueAuthorization(
  state: SandboxState,
  res: ServerResponse,
  request: AuthorizeRequest,
  session: { employeeId: number; csrfToken: string },
  headers: Record<string, string | string[]> = {},
): void {
  if (state.approvals.has(approvalKey(session.employeeId, request.client.clientId))) {
    issueCodeRedirect(state, res, request, session.employeeId, headers);
    return;
  }
  const user = SANDBOX_USERS.find((u) => u.employeeId === session.employeeId);
  sendHtml(
    res,
    200,
    consentPage({
      params: request.carried,
      clientName: request.client.name,
      userName: employeeName(state, session.employeeId),
      userEmail: user?.email ?? '',
      csrfToken: session.csrfToken,
    }),
    headers,
  );
}

function approvalKey(employeeId: number, clientId: string): string {
  return `${employeeId}:${clientId}`;
}

function issueCodeRedirect(
  state: SandboxState,
  res: ServerResponse,
  request: AuthorizeRequest,
  employeeId: number,
  headers: Record<string, string | string[]> = {},
): void {
  const code = state.issueCode({
    clientId: request.client.clientId,
    redirectUri: request.redirectUri,
    employeeId,
    challenge: request.challenge,
  });
  redirectToClient(state, res, request.redirectUri, [['code', code]], request.state, headers);
}

/** `GET /api/v2/authorize` */
export function handleAuthorizeGet(state: SandboxState, req: IncomingMessage, res: ServerResponse, url: URL): void {
  const params = new Params(url.searchParams);
  const challenge = params.get('code_challenge');
  state.logAuthorize({
    clientId: params.get('client_id') ?? null,
    redirectUri: params.get('redirect_uri') ?? null,
    statePresent: params.has('state'),
    codeChallengeMethod: challenge ? (params.get('code_challenge_method') ?? 'plain') : null,
  });
  const signedIn = validateSignedIn(state, req, res, params);
  if (signedIn) continueAuthorization(state, res, signedIn.request, signedIn.session);
}

/**
 * Validates carried authorize parameters and finds the person's sandbox session. Answers by itself — the
 * error, or the login page when nobody is signed in — and returns null when the request cannot go on.
 */
function validateSignedIn(
  state: SandboxState,
  req: IncomingMessage,
  res: ServerResponse,
  params: Params,
): { request: AuthorizeRequest; session: NonNullable<ReturnType<typeof currentSession>> } | null {
  const v = validateAuthorize(state, params);
  if (v.kind !== 'ok') {
    answerInvalid(state, res, v);
    return null;
  }
  const session = currentSession(state, req);
  if (!session) {
    sendHtml(res, 200, loginPage({ params: v.request.carried, clientName: v.request.client.name }));
    return null;
  }
  return { request: v.request, session };
}

async function readForm(req: IncomingMessage, res: ServerResponse): Promise<Params | null> {
  if (mediaType(req) !== 'application/x-www-form-urlencoded') {
    sendHtml(res, 415, simplePage('Unsupported form', 'This form must be sent as application/x-www-form-urlencoded.'));
    return null;
  }
  try {
    return Params.fromString(await readBody(req));
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      sendHtml(res, 413, simplePage('Too large', 'The form was too large.'));
      return null;
    }
    throw error;
  }
}

/** `POST /api/v2/authorize/login`: the login form. Re-validates the carried authorize parameters. */
export async function handleLoginPost(state: SandboxState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const form = await readForm(req, res);
  if (!form) return;
  const v = validateAuthorize(state, form);
  if (v.kind !== 'ok') {
    answerInvalid(state, res, v);
    return;
  }
  const email = (form.get('email') ?? '').trim().toLowerCase();
  const password = form.get('password') ?? '';
  const user = SANDBOX_USERS.find((u) => u.email === email);
  // Compare against something even for an unknown email, so timing does not tell which emails exist.
  const passwordOk = secretsEqual(password, user?.password ?? '\u0000not-a-password');
  if (!user || !passwordOk) {
    sendHtml(
      res,
      200,
      loginPage({
        params: v.request.carried,
        clientName: v.request.client.name,
        error: 'Invalid email or password.',
        email: form.get('email') ?? '',
      }),
    );
    return;
  }
  const sessionId = state.createSession(user.employeeId);
  const session = state.sessions.get(sessionId);
  if (!session) throw new Error('session vanished');
  continueAuthorization(state, res, v.request, session, { 'Set-Cookie': sessionCookie(sessionId) });
}

/** `POST /api/v2/authorize`: the consent form's Authorize / Deny. */
export async function handleConsentPost(state: SandboxState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const form = await readForm(req, res);
  if (!form) return;
  const signedIn = validateSignedIn(state, req, res, form);
  if (!signedIn) return;
  const { request, session } = signedIn;
  const token = form.get('authenticity_token') ?? '';
  if (!secretsEqual(token, session.csrfToken)) {
    sendHtml(res, 403, simplePage('Request refused', 'The form is out of date (invalid authenticity token). Go back and try again.'));
    return;
  }
  const decision = form.get('decision');
  if (decision === 'authorize') {
    state.approvals.add(approvalKey(session.employeeId, request.client.clientId));
    issueCodeRedirect(state, res, request, session.employeeId);
    return;
  }
  if (decision === 'deny') {
    redirectToClient(
      state,
      res,
      request.redirectUri,
      [['error', ErrorCode.accessDenied], ['error_description', DESCRIPTIONS.accessDenied]],
      request.state,
    );
    return;
  }
  sendHtml(res, 400, simplePage('Bad request', 'Choose Authorize or Deny.'));
}

// ---------------------------------------------------------------------------------------------------------
// Token endpoint

const TOKEN_PARAMS = ['grant_type', 'code', 'redirect_uri', 'client_id', 'client_secret', 'code_verifier'] as const;
type TokenParam = (typeof TOKEN_PARAMS)[number];

class TokenError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly description: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(code);
  }
}

const NO_STORE = { 'Cache-Control': 'no-store', Pragma: 'no-cache' };

/** RFC 6749 §2.3.1: Basic credentials are form-urlencoded before base64. */
function parseBasic(header: string | undefined): { id: string; secret: string } | null | 'malformed' {
  if (!header) return null;
  const match = /^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(header);
  if (!match) return /^Basic\b/i.test(header) ? 'malformed' : null;
  const decoded = Buffer.from(match[1] ?? '', 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return 'malformed';
  const formDecode = (s: string): string => new URLSearchParams(`v=${s}`).get('v') ?? '';
  return { id: formDecode(decoded.slice(0, colon)), secret: formDecode(decoded.slice(colon + 1)) };
}

/** Query string and form body merged (the body wins); a parameter repeated within one of them is refused. */
async function tokenParams(req: IncomingMessage, url: URL): Promise<Map<TokenParam, string>> {
  const query = new Params(url.searchParams);
  let bodyText: string;
  try {
    bodyText = await readBody(req);
  } catch (error) {
    if (error instanceof BodyTooLargeError) throw new TokenError(413, ErrorCode.invalidRequest, 'The request body is too large.');
    throw error;
  }
  const type = mediaType(req);
  let body = Params.fromString('');
  if (type === 'application/json' || type?.endsWith('+json')) {
    throw new TokenError(400, ErrorCode.invalidRequest, `${DESCRIPTIONS.invalidRequest} Send parameters as application/x-www-form-urlencoded.`);
  }
  if (bodyText.length > 0) {
    if (type !== 'application/x-www-form-urlencoded') {
      throw new TokenError(400, ErrorCode.invalidRequest, `${DESCRIPTIONS.invalidRequest} The body must be application/x-www-form-urlencoded.`);
    }
    body = Params.fromString(bodyText);
  }
  const repeated = [...query.duplicated(TOKEN_PARAMS), ...body.duplicated(TOKEN_PARAMS)];
  if (repeated.length > 0) {
    throw new TokenError(400, ErrorCode.invalidRequest, `Parameters sent more than once: ${[...new Set(repeated)].join(', ')}.`);
  }
  const merged = new Map<TokenParam, string>();
  for (const name of TOKEN_PARAMS) {
    const value = body.get(name) ?? query.get(name);
    if (value !== undefined && value !== '') merged.set(name, value);
  }
  return merged;
}

function verifyPkce(challenge: { value: string; method: PkceMethod }, verifier: string): boolean {
  if (!CODE_VERIFIER_PATTERN.test(verifier)) return false;
  const derived = challenge.method === 'S256' ? createHash('sha256').update(verifier, 'ascii').digest('base64url') : verifier;
  return secretsEqual(derived, challenge.value);
}

/** `POST /api/v2/token` — authorization_code grant (RFC 6749 §4.1.3, §5; RFC 7636 §4.6). */
export async function handleToken(state: SandboxState, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const entry = {
    clientId: null as string | null,
    redirectUri: null as string | null,
    codeVerifierPresent: false,
    pkceVerified: null as boolean | null,
  };
  try {
    const params = await tokenParams(req, url);
    entry.redirectUri = params.get('redirect_uri') ?? null;
    entry.codeVerifierPresent = params.has('code_verifier');
    entry.clientId = params.get('client_id') ?? null;

    const basic = parseBasic(req.headers.authorization);
    const basicChallenge = { 'WWW-Authenticate': 'Basic realm="Firmafon"' };
    if (basic === 'malformed') throw new TokenError(401, ErrorCode.invalidClient, DESCRIPTIONS.invalidClient, basicChallenge);
    if (basic) entry.clientId = basic.id;

    const grantType = params.get('grant_type');
    if (!grantType) throw new TokenError(400, ErrorCode.invalidRequest, 'Missing required parameter: grant_type.');

    // Client authentication (RFC 6749 §2.3.1): Basic or parameters, never both.
    if (basic && params.has('client_secret')) {
      throw new TokenError(400, ErrorCode.invalidRequest, 'Use one client authentication method, not both.');
    }
    const clientId = basic ? basic.id : params.get('client_id');
    const secret = basic ? basic.secret : params.get('client_secret');
    const authError = (): TokenError =>
      new TokenError(401, ErrorCode.invalidClient, DESCRIPTIONS.invalidClient, basic ? basicChallenge : {});
    if (basic && params.has('client_id') && params.get('client_id') !== basic.id) throw authError();
    if (!clientId || secret === undefined) throw authError();
    const client = state.findClient(clientId);
    if (!client || !secretsEqual(secret, client.clientSecret)) throw authError();

    if (grantType !== 'authorization_code') {
      throw new TokenError(400, ErrorCode.unsupportedGrantType, DESCRIPTIONS.unsupportedGrantType);
    }
    const code = params.get('code');
    if (!code) throw new TokenError(400, ErrorCode.invalidRequest, 'Missing required parameter: code.');
    const redirectUri = params.get('redirect_uri');
    if (!redirectUri) throw new TokenError(400, ErrorCode.invalidRequest, 'Missing required parameter: redirect_uri.');

    const found = state.findCode(code);
    const invalidGrant = (): TokenError => new TokenError(400, ErrorCode.invalidGrant, DESCRIPTIONS.invalidGrant);
    if (!found) throw invalidGrant();
    const { key, record } = found;
    if (record.expiresAt <= state.clock()) {
      state.codes.delete(key);
      throw invalidGrant();
    }
    if (record.redeemedTokenDigest !== null) {
      // RFC 6749 §4.1.2: a code used twice is refused, and the token issued for it is revoked.
      state.tokens.delete(record.redeemedTokenDigest);
      state.codes.delete(key);
      throw invalidGrant();
    }
    if (record.clientId !== client.clientId || record.redirectUri !== redirectUri) throw invalidGrant();
    if (record.challenge) {
      const verifier = params.get('code_verifier');
      entry.pkceVerified = verifier !== undefined && verifyPkce(record.challenge, verifier);
      if (!entry.pkceVerified) throw invalidGrant();
    }
    // A verifier for a code issued without a challenge is ignored (Doorkeeper tolerates it).

    const issued = state.issueToken(client.clientId, record.employeeId);
    record.redeemedTokenDigest = issued.digest;
    state.logToken({ ...entry, outcome: 'ok' });
    sendJson(res, 200, { access_token: issued.token, token_type: 'Bearer', created_at: issued.createdAt }, NO_STORE);
  } catch (error) {
    if (!(error instanceof TokenError)) throw error;
    state.logToken({ ...entry, outcome: error.code });
    sendJson(res, error.status, { error: error.code, error_description: error.description }, { ...NO_STORE, ...error.headers });
  }
}
