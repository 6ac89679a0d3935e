/**
 * Firmafon's REST API v2 as the dashboard uses it (firmafon-api.md): `/employee`, `/employees`, `/receptions`,
 * `/calls`, `/calls/:call_uuid`, `/voice_mails` (read, mark heard, delete), `/switch/dial`, and the v1 path of a
 * voice mail's sound. Every request needs a live access token (header or `access_token` parameter, as Firmafon
 * documents; the sound only takes the header); answers hold only the token user's company's data. Writes take
 * Rails-style parameters (`voice_mail[heard]=true`, form-encoded; a JSON body too, as one client sends).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CALLS_DEFAULT_LIMIT, CALLS_MAX_LIMIT } from '../common/call-schemas.ts';
import { parseIsoToSeconds } from '../common/copenhagen-time.ts';
import { addDialledCall, type CallJson, type EmployeeJson, type StoredCall, type StoredVoiceMail, type VoiceMailJson } from './data/index.ts';
import { BodyTooLargeError, mediaType, readBody, sendJson } from './http.ts';
import { callJsonOf, dndActive, employeeView, groupView, liveNodes } from './live.ts';
import { sendRecording, SOUND_TYPE } from './sound.ts';
import type { SandboxState, TokenRecord } from './state.ts';

type AuthVia = 'header' | 'query' | 'none';

/** Rack keeps the last of a repeated scalar parameter. */
function last(search: URLSearchParams, name: string): string | undefined {
  const all = search.getAll(name);
  const value = all[all.length - 1];
  return value === '' ? undefined : value;
}

function tokenFrom(req: IncomingMessage, url: URL): { token: string | null; via: AuthVia } {
  const header = req.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  if (match?.[1]) return { token: match[1], via: 'header' };
  const param = last(url.searchParams, 'access_token');
  if (param) return { token: param, via: 'query' };
  return { token: null, via: 'none' };
}

class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(`HTTP ${status}`);
  }
}

const notFound = (): ApiFailure => new ApiFailure(404, { status: 404, message: 'Not found' });
const badRequest = (message: string): ApiFailure => new ApiFailure(400, { status: 400, message });

export interface CallsFilter {
  limit: number;
  endpoint?: string;
  number?: string;
  direction?: string;
  status?: string;
  startedAtLtOrEq?: number;
  startedAtGtOrEq?: number;
  endedAtLtOrEq?: number;
  endedAtGtOrEq?: number;
}

const TIME_FILTERS = [
  ['started_at_lt_or_eq', 'startedAtLtOrEq'],
  ['started_at_gt_or_eq', 'startedAtGtOrEq'],
  ['ended_at_lt_or_eq', 'endedAtLtOrEq'],
  ['ended_at_gt_or_eq', 'endedAtGtOrEq'],
] as const;

const LIMIT_MESSAGE = 'limit must be a whole number from 1 to 100';

/** `limit`: 30 when absent, clamped at 100; anything but a positive whole number answers 400. */
function parseLimit(search: URLSearchParams): number {
  const rawLimit = last(search, 'limit');
  if (rawLimit === undefined) return CALLS_DEFAULT_LIMIT;
  if (!/^\d+$/.test(rawLimit.trim())) badRequestThrow(LIMIT_MESSAGE);
  const limit = Number(rawLimit.trim());
  if (limit < 1) badRequestThrow(LIMIT_MESSAGE);
  return Math.min(limit, CALLS_MAX_LIMIT);
}

/** An inclusive time bound in whole seconds, or undefined when absent; a bad time answers 400. */
function parseTimeParam(search: URLSearchParams, param: string): number | undefined {
  const raw = last(search, param);
  if (raw === undefined) return undefined;
  const seconds = parseIsoToSeconds(raw);
  if (seconds === null) badRequestThrow(`${param} must be an ISO 8601 time, e.g. 2026-11-29T14:03:12+01:00`);
  return seconds;
}

/** Reads `GET /calls` parameters; a bad limit or time answers 400 `{ status, message }`. */
export function parseCallsFilter(search: URLSearchParams): CallsFilter {
  const filter: CallsFilter = { limit: parseLimit(search) };
  const endpoint = last(search, 'endpoint');
  if (endpoint !== undefined) filter.endpoint = endpoint;
  const number = last(search, 'number');
  if (number !== undefined) filter.number = number;
  const direction = last(search, 'direction');
  if (direction !== undefined) filter.direction = direction;
  const status = last(search, 'status');
  if (status !== undefined) filter.status = status;
  for (const [param, key] of TIME_FILTERS) {
    const seconds = parseTimeParam(search, param);
    if (seconds !== undefined) filter[key] = seconds;
  }
  return filter;
}

export interface VoiceMailsFilter {
  limit: number;
  endpoint?: string;
  number?: string;
  createdAtLtOrEq?: number;
}

/** Reads `GET /voice_mails` parameters, as `/calls` reads its own. */
export function parseVoiceMailsFilter(search: URLSearchParams): VoiceMailsFilter {
  const filter: VoiceMailsFilter = { limit: parseLimit(search) };
  const endpoint = last(search, 'endpoint');
  if (endpoint !== undefined) filter.endpoint = endpoint;
  const number = last(search, 'number');
  if (number !== undefined) filter.number = number;
  const createdAt = parseTimeParam(search, 'created_at_lt_or_eq');
  if (createdAt !== undefined) filter.createdAtLtOrEq = createdAt;
  return filter;
}

function badRequestThrow(message: string): never {
  throw badRequest(message);
}

/** Whether a call passes every filter except `limit`. Bounds are inclusive, in whole seconds. */
export function matchesCall(stored: StoredCall, f: CallsFilter): boolean {
  const c = stored.call;
  if (f.endpoint !== undefined && c.endpoint !== f.endpoint && !c.nodes.some((n) => n.endpoint === f.endpoint)) return false;
  if (f.number !== undefined && c.from_number !== f.number && c.to_number !== f.number) return false;
  if (f.direction !== undefined && c.direction !== f.direction) return false;
  if (f.status !== undefined && c.status !== f.status) return false;
  if (f.startedAtLtOrEq !== undefined && stored.startedAt > f.startedAtLtOrEq) return false;
  if (f.startedAtGtOrEq !== undefined && stored.startedAt < f.startedAtGtOrEq) return false;
  if (f.endedAtLtOrEq !== undefined && (stored.endedAt === null || stored.endedAt > f.endedAtLtOrEq)) return false;
  if (f.endedAtGtOrEq !== undefined && (stored.endedAt === null || stored.endedAt < f.endedAtGtOrEq)) return false;
  return true;
}

function listCalls(state: SandboxState, companyId: number, filter: CallsFilter): CallJson[] {
  const out: CallJson[] = [];
  for (const stored of state.data.calls) {
    if (out.length >= filter.limit) break;
    if (stored.call.company_id === companyId && matchesCall(stored, filter)) out.push(stored.call);
  }
  return out;
}

/** A voice mail as Firmafon answers it: `sound.url` is absolute, on the origin the client reached. */
function voiceMailJson(stored: StoredVoiceMail, origin: string): VoiceMailJson & { sound: { formats: string[]; url: string } } {
  return { ...stored.voiceMail, sound: { formats: [SOUND_TYPE], url: `${origin}/api/v1/voice_mails/${stored.voiceMail.id}/sound` } };
}

function listVoiceMails(state: SandboxState, companyId: number, f: VoiceMailsFilter): StoredVoiceMail[] {
  const out: StoredVoiceMail[] = [];
  for (const stored of state.data.voiceMails) {
    if (out.length >= f.limit) break;
    const vm = stored.voiceMail;
    if (stored.companyId !== companyId) continue;
    if (f.endpoint !== undefined && vm.endpoint !== f.endpoint) continue;
    if (f.number !== undefined && vm.from_number !== f.number) continue;
    if (f.createdAtLtOrEq !== undefined && stored.createdAt > f.createdAtLtOrEq) continue;
    out.push(stored);
  }
  return out;
}

/** The company's voice mail with id `raw` (digits only), or 404 — another company's message is not found either. */
function findVoiceMail(state: SandboxState, companyId: number, raw: string): StoredVoiceMail {
  if (!/^\d{1,15}$/.test(raw)) throw notFound();
  const id = Number(raw);
  const found = state.data.voiceMails.find((s) => s.voiceMail.id === id && s.companyId === companyId);
  if (!found) throw notFound();
  return found;
}

/**
 * The request's parameters as Rails sees them: the query string, overlaid by a form-encoded body (or a JSON body,
 * flattened one level to `resource[field]`). The body wins where both have a name.
 */
async function writeParams(req: IncomingMessage, url: URL): Promise<Map<string, unknown>> {
  const params = new Map<string, unknown>();
  for (const name of new Set(url.searchParams.keys())) params.set(name, last(url.searchParams, name));
  let text: string;
  try {
    text = await readBody(req);
  } catch (error) {
    if (error instanceof BodyTooLargeError) throw new ApiFailure(413, { status: 413, message: 'Request body too large' });
    throw error;
  }
  if (text.trim() === '') return params;
  const type = mediaType(req);
  if (type === 'application/x-www-form-urlencoded') {
    const form = new URLSearchParams(text);
    for (const name of new Set(form.keys())) params.set(name, last(form, name));
  } else if (type === 'application/json') {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw badRequest('The body is not valid JSON');
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json)) throw badRequest('The body must be a JSON object');
    for (const [name, value] of Object.entries(json)) {
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
        for (const [field, inner] of Object.entries(value)) params.set(`${name}[${field}]`, inner);
      } else {
        params.set(name, value);
      }
    }
  }
  return params;
}

/** `true`/`false` as Rails forms send them (also `1`/`0`), or a JSON boolean; anything else is undefined. */
function booleanParam(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  return undefined;
}

async function voiceMailRoute(ctx: RouteContext, id: string): Promise<unknown> {
  const { state, req, companyId, origin } = ctx;
  const stored = findVoiceMail(state, companyId, id);
  if (req.method === 'DELETE') {
    state.data.voiceMails = state.data.voiceMails.filter((s) => s !== stored);
    return {};
  }
  if (req.method === 'PUT') {
    const heard = booleanParam((await writeParams(req, ctx.url)).get('voice_mail[heard]'));
    if (heard === undefined) throw badRequest('voice_mail[heard] must be true or false');
    stored.voiceMail.heard = heard;
  }
  return { voice_mail: voiceMailJson(stored, origin) };
}

/** Firmafon's numbers: country code and number, digits only (`4571999999`). */
const DIAL_NUMBER = /^\d{3,15}$/;

async function dialRoute(ctx: RouteContext): Promise<unknown> {
  const raw = (await writeParams(ctx.req, ctx.url)).get('to_number');
  const toNumber = typeof raw === 'string' ? raw.trim() : typeof raw === 'number' ? String(raw) : '';
  if (!DIAL_NUMBER.test(toNumber)) throw badRequest('to_number must be a phone number with its country code, digits only, e.g. 4571999999');
  if (!ctx.me.has_switch) throw new ApiFailure(422, { status: 422, message: 'This employee has no switch and cannot place calls' });
  ctx.state.recordDial({ employeeId: ctx.me.id, toNumber });
  // Firmafon rings the employee and then the number: the call shows up in the history at once.
  addDialledCall(ctx.state.data, { employee: ctx.me, toNumber, nowSec: Math.floor(ctx.state.clock() / 1000) });
  return {};
}

/** Firmafon's ISO times; the dashboard sends UTC (`…Z`), Firmafon writes offsets. */
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * `PUT /employees/:id` with `employee[do_not_disturb]` and `employee[dnd_timeout_at]` (an ISO time; empty or null
 * clears it): only for oneself (403 otherwise). Recorded in the log, answered with the employee as now seen.
 */
async function employeeUpdateRoute(ctx: RouteContext, id: string): Promise<unknown> {
  const { state, req, me } = ctx;
  const employee = state.data.employees.find((e) => String(e.id) === id && e.company_id === ctx.companyId);
  if (!employee) throw notFound();
  const nowSec = Math.floor(state.clock() / 1000);
  if (req.method === 'GET') return { employee: employeeView(state.data, employee, nowSec) };
  if (employee.id !== me.id) throw new ApiFailure(403, { status: 403, message: 'You can only change your own do-not-disturb' });
  const params = await writeParams(req, ctx.url);
  const dnd = booleanParam(params.get('employee[do_not_disturb]'));
  if (dnd === undefined) throw badRequest('employee[do_not_disturb] must be true or false');
  let timeout: string | null | undefined;
  if (params.has('employee[dnd_timeout_at]')) {
    const raw = params.get('employee[dnd_timeout_at]');
    if (raw === undefined || raw === null || raw === '') timeout = null;
    else if (typeof raw === 'string' && ISO_TIME.test(raw) && !Number.isNaN(Date.parse(raw))) timeout = new Date(Date.parse(raw)).toISOString();
    else throw badRequest('employee[dnd_timeout_at] must be an ISO 8601 time or empty');
  }
  employee.do_not_disturb = dnd;
  if (!dnd) employee.dnd_timeout_at = null;
  else if (timeout !== undefined) employee.dnd_timeout_at = timeout;
  state.recordDoNotDisturb({ employeeId: employee.id, doNotDisturb: dnd, timeoutAt: dndActive(employee, nowSec) ? employee.dnd_timeout_at : null });
  return { employee: employeeView(state.data, employee, nowSec) };
}

interface RouteContext {
  state: SandboxState;
  req: IncomingMessage;
  url: URL;
  me: EmployeeJson;
  companyId: number;
  origin: string;
}

async function route(state: SandboxState, req: IncomingMessage, subpath: string, url: URL, token: TokenRecord, origin: string): Promise<unknown> {
  const me = state.data.employees.find((e) => e.id === token.employeeId);
  if (!me) throw notFound();
  const companyId = me.company_id;
  const ctx: RouteContext = { state, req, url, me, companyId, origin };
  const nowSec = Math.floor(state.clock() / 1000);
  const colleagues = () => state.data.employees.filter((e) => e.company_id === companyId).map((e) => employeeView(state.data, e, nowSec));
  if (subpath === '/employee') return { employee: employeeView(state.data, me, nowSec) };
  if (subpath === '/employees') return { employees: colleagues() };
  if (subpath === '/employee_groups') {
    const people = colleagues();
    const groups = companyId === state.data.companyId ? state.data.employeeGroups : [];
    return { employee_groups: groups.map((g) => groupView(g, people.filter((p) => g.employee_ids.includes(p.id)))) };
  }
  if (subpath === '/call_nodes/live') return { call_nodes: liveNodes(state.data, companyId) };
  const employee = /^\/employees\/([^/]+)$/.exec(subpath);
  if (employee?.[1]) return employeeUpdateRoute(ctx, employee[1]);
  if (subpath === '/receptions') return { receptions: companyId === state.data.companyId ? state.data.receptions : [] };
  if (subpath === '/calls') return { calls: listCalls(state, companyId, parseCallsFilter(url.searchParams)) };
  if (subpath === '/voice_mails') {
    return { voice_mails: listVoiceMails(state, companyId, parseVoiceMailsFilter(url.searchParams)).map((s) => voiceMailJson(s, origin)) };
  }
  if (subpath === '/switch/dial') return dialRoute(ctx);
  const voiceMail = /^\/voice_mails\/([^/]+)$/.exec(subpath);
  if (voiceMail?.[1]) return voiceMailRoute(ctx, voiceMail[1]);
  const detail = /^\/calls\/([^/]+)$/.exec(subpath);
  if (detail?.[1]) {
    let uuid: string;
    try {
      uuid = decodeURIComponent(detail[1]);
    } catch {
      throw notFound();
    }
    const found = state.data.calls.find((s) => s.call.call_uuid === uuid && s.call.company_id === companyId);
    if (found) return { call: found.call };
    // A call in progress, as Firmafon shows one from the moment it starts (status `ringing`, not yet ended).
    const live = state.data.liveCalls.find((c) => c.callUuid === uuid && c.companyId === companyId);
    if (!live) throw notFound();
    return { call: callJsonOf(state.data, live, null) };
  }
  throw notFound();
}

/** The paths this API knows, and the methods each allows (others: 405 with `Allow`). */
const ROUTES: ReadonlyArray<readonly [RegExp, readonly string[]]> = [
  [/^\/(employee|employees|employee_groups|call_nodes\/live|receptions|calls|calls\/[^/]+|voice_mails)$/, ['GET']],
  [/^\/employees\/[^/]+$/, ['GET', 'PUT']],
  [/^\/voice_mails\/[^/]+$/, ['GET', 'PUT', 'DELETE']],
  [/^\/switch\/dial$/, ['POST']],
];

const unauthorized = (token: string | null): ApiFailure =>
  new ApiFailure(
    401,
    { error: 'invalid_token', error_description: token ? 'The access token is invalid.' : 'No access token was sent.' },
    { 'WWW-Authenticate': 'Bearer error="invalid_token"' },
  );

function answerFailure(res: ServerResponse, error: unknown): number {
  if (!(error instanceof ApiFailure)) throw error;
  sendJson(res, error.status, error.body, error.headers);
  return error.status;
}

/** Handles `/api/v2{subpath}` for everything that is not OAuth. `origin`: the server's own, for absolute URLs. */
export async function handleApi(state: SandboxState, req: IncomingMessage, res: ServerResponse, url: URL, subpath: string, origin: string): Promise<void> {
  const { token, via } = tokenFrom(req, url);
  let status = 500;
  try {
    const fault = state.takeFault(subpath);
    if (fault) {
      const message = fault.status === 429 ? 'Too many requests' : 'Service unavailable';
      throw new ApiFailure(fault.status, { status: fault.status, message }, fault.retryAfter === undefined ? {} : { 'Retry-After': String(fault.retryAfter) });
    }
    const methods = ROUTES.find(([pattern]) => pattern.test(subpath))?.[1];
    if (!methods) throw notFound();
    if (!methods.includes(req.method ?? '')) {
      throw new ApiFailure(405, { status: 405, message: 'Method not allowed' }, { Allow: methods.join(', ') });
    }
    const record = token ? state.findToken(token) : undefined;
    if (!record) throw unauthorized(token);
    const body = await route(state, req, subpath, url, record, origin);
    sendJson(res, 200, body, { 'Cache-Control': 'private, no-store' });
    status = 200;
  } catch (error) {
    status = answerFailure(res, error);
  } finally {
    state.logApi({ path: `/api/v2${subpath}`, authVia: via, status });
  }
}

const SOUND_PATH = /^\/voice_mails\/([^/]+)\/sound$/;

/**
 * Handles `/api/v1{subpath}`: only a voice mail's sound, where Firmafon's documented `sound.url` points. It takes
 * the token in the `Authorization` header only, so a player never needs it in a URL.
 */
export function handleApiV1(state: SandboxState, req: IncomingMessage, res: ServerResponse, url: URL, subpath: string): void {
  const { token, via } = tokenFrom(req, url);
  let status = 500;
  try {
    const id = SOUND_PATH.exec(subpath)?.[1];
    if (id === undefined) throw notFound();
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      throw new ApiFailure(405, { status: 405, message: 'Method not allowed' }, { Allow: 'GET, HEAD' });
    }
    const record = token && via === 'header' ? state.findToken(token) : undefined;
    if (!record) {
      if (via !== 'query') throw unauthorized(token);
      throw new ApiFailure(
        401,
        { error: 'invalid_token', error_description: 'Send the access token in the Authorization header.' },
        { 'WWW-Authenticate': 'Bearer error="invalid_token"' },
      );
    }
    const me = state.data.employees.find((e) => e.id === record.employeeId);
    if (!me) throw notFound();
    findVoiceMail(state, me.company_id, id);
    status = sendRecording(req, res, { 'Cache-Control': 'private, no-store' });
  } catch (error) {
    status = answerFailure(res, error);
  } finally {
    state.logApi({ path: `/api/v1${subpath}`, authVia: via, status });
  }
}
