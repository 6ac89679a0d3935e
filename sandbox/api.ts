/**
 * Firmafon's REST API v2 as the dashboard uses it (firmafon-api.md): `/employee`, `/employees`,
 * `/receptions`, `/calls`, `/calls/:call_uuid`. Every request needs a live access token (header or
 * `access_token` parameter, as Firmafon documents); answers hold only the token user's company's data.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CALLS_DEFAULT_LIMIT, CALLS_MAX_LIMIT } from '../common/firmafon-schemas.ts';
import { parseIsoToSeconds } from '../common/copenhagen-time.ts';
import type { CallJson, StoredCall } from './data/index.ts';
import { sendJson } from './http.ts';
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

/** Reads `GET /calls` parameters; a bad limit or time answers 400 `{ status, message }`. */
export function parseCallsFilter(search: URLSearchParams): CallsFilter {
  const rawLimit = last(search, 'limit');
  let limit = CALLS_DEFAULT_LIMIT;
  if (rawLimit !== undefined) {
    if (!/^\d+$/.test(rawLimit.trim())) badRequestThrow('limit must be a whole number from 1 to 100');
    limit = Number(rawLimit.trim());
    if (limit < 1) badRequestThrow('limit must be a whole number from 1 to 100');
    limit = Math.min(limit, CALLS_MAX_LIMIT);
  }
  const filter: CallsFilter = { limit };
  const endpoint = last(search, 'endpoint');
  if (endpoint !== undefined) filter.endpoint = endpoint;
  const number = last(search, 'number');
  if (number !== undefined) filter.number = number;
  const direction = last(search, 'direction');
  if (direction !== undefined) filter.direction = direction;
  const status = last(search, 'status');
  if (status !== undefined) filter.status = status;
  for (const [param, key] of TIME_FILTERS) {
    const raw = last(search, param);
    if (raw === undefined) continue;
    const seconds = parseIsoToSeconds(raw);
    if (seconds === null) badRequestThrow(`${param} must be an ISO 8601 time, e.g. 2026-11-29T14:03:12+01:00`);
    filter[key] = seconds;
  }
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

function route(state: SandboxState, subpath: string, url: URL, token: TokenRecord): unknown {
  const me = state.data.employees.find((e) => e.id === token.employeeId);
  if (!me) throw notFound();
  const companyId = me.company_id;
  if (subpath === '/employee') return { employee: me };
  if (subpath === '/employees') return { employees: state.data.employees.filter((e) => e.company_id === companyId) };
  if (subpath === '/receptions') return { receptions: companyId === state.data.companyId ? state.data.receptions : [] };
  if (subpath === '/calls') return { calls: listCalls(state, companyId, parseCallsFilter(url.searchParams)) };
  const detail = /^\/calls\/([^/]+)$/.exec(subpath);
  if (detail?.[1]) {
    let uuid: string;
    try {
      uuid = decodeURIComponent(detail[1]);
    } catch {
      throw notFound();
    }
    const found = state.data.calls.find((s) => s.call.call_uuid === uuid && s.call.company_id === companyId);
    if (!found) throw notFound();
    return { call: found.call };
  }
  throw notFound();
}

const KNOWN = /^\/(employee|employees|receptions|calls|calls\/[^/]+)$/;

/** Handles `/api/v2{subpath}` for everything that is not OAuth. */
export function handleApi(state: SandboxState, req: IncomingMessage, res: ServerResponse, url: URL, subpath: string): void {
  const { token, via } = tokenFrom(req, url);
  let status = 200;
  try {
    const fault = state.takeFault(subpath);
    if (fault) {
      const message = fault.status === 429 ? 'Too many requests' : 'Service unavailable';
      throw new ApiFailure(fault.status, { status: fault.status, message }, fault.retryAfter === undefined ? {} : { 'Retry-After': String(fault.retryAfter) });
    }
    if (!KNOWN.test(subpath)) throw notFound();
    if (req.method !== 'GET') {
      throw new ApiFailure(405, { status: 405, message: 'Method not allowed' }, { Allow: 'GET' });
    }
    const record = token ? state.findToken(token) : undefined;
    if (!record) {
      throw new ApiFailure(
        401,
        { error: 'invalid_token', error_description: token ? 'The access token is invalid.' : 'No access token was sent.' },
        { 'WWW-Authenticate': 'Bearer error="invalid_token"' },
      );
    }
    const body = route(state, subpath, url, record);
    sendJson(res, 200, body, { 'Cache-Control': 'private, no-store' });
  } catch (error) {
    if (!(error instanceof ApiFailure)) {
      status = 500;
      throw error;
    }
    status = error.status;
    sendJson(res, error.status, error.body, error.headers);
  } finally {
    state.logApi({ path: `/api/v2${subpath}`, authVia: via, status });
  }
}
