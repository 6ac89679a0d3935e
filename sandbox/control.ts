/**
 * The sandbox's own surface, not part of Firmafon: the home page with its buttons, and a JSON control API
 * for tests (`/sandbox/control/*`). Control requests must be JSON and page forms same-origin, so a web page
 * elsewhere cannot drive them; nothing here ever returns a secret, code or token.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as v from 'valibot';
import { addIncomingCalls, DATASET_NAMES } from './data/index.ts';
import { BodyTooLargeError, mediaType, parseCookies, readBody, redirect, sendHtml, sendJson } from './http.ts';
import { clearedSessionCookie, SESSION_COOKIE } from './oauth.ts';
import { answerCall, employeeView, endCall, LiveCallError, ringCall, ringEmployees } from './live.ts';
import { homePage, simplePage, type LiveView } from './pages.ts';
import { MAX_LATENCY_MS, SANDBOX_USERS, type SandboxState } from './state.ts';

const MAX_CALLS = 20_000;

const Count = (max: number) => v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(max));

export const ResetBodySchema = v.strictObject({
  calls: v.optional(Count(MAX_CALLS)),
  seed: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(0xffffffff))),
  dataset: v.optional(v.picklist(DATASET_NAMES)),
  hostileNames: v.optional(v.boolean()),
  dropState: v.optional(v.boolean()),
  requirePkce: v.optional(v.boolean()),
  latencyMs: v.optional(Count(MAX_LATENCY_MS)),
});

export const SettingsBodySchema = v.strictObject({
  dropState: v.optional(v.boolean()),
  requirePkce: v.optional(v.boolean()),
  latencyMs: v.optional(Count(MAX_LATENCY_MS)),
});

export const AddCallsBodySchema = v.strictObject({
  count: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1000)),
  /** `missed` (default): the caller hung up at once. `ringing`: still in progress. */
  status: v.optional(v.picklist(['missed', 'ringing'])),
});

export const FaultBodySchema = v.strictObject({
  path: v.pipe(v.string(), v.startsWith('/'), v.maxLength(200)),
  status: v.picklist([429, 500, 502, 503]),
  retryAfter: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(3600))),
  times: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100)),
});

const Id = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1_000_000));
const CallUuid = v.pipe(v.string(), v.minLength(1), v.maxLength(64));

/** `call`: drives a call in progress — ring (a new call, or more employees for one), answer, end. */
export const CallBodySchema = v.variant('action', [
  v.strictObject({
    action: v.literal('ring'),
    /** Ring more employees for this call; absent: a new call. */
    callUuid: v.optional(CallUuid),
    receptionId: v.optional(Id),
    /** Whom it rings; none: the new call waits in the reception's queue. */
    employeeIds: v.optional(v.pipe(v.array(Id), v.maxLength(50))),
    fromNumber: v.optional(v.pipe(v.string(), v.regex(/^\d{3,15}$/))),
  }),
  v.strictObject({ action: v.literal('answer'), callUuid: CallUuid, employeeId: Id }),
  v.strictObject({ action: v.literal('end'), callUuid: CallUuid }),
]);

/** `presence`: an employee's own presence, as their phone reports it (calls and do-not-disturb still override it). */
export const PresenceBodySchema = v.strictObject({
  employeeId: Id,
  presence: v.picklist(['available', 'ringing', 'busy', 'do_not_disturb', 'unknown']),
});

/** `clock`: the sandbox's "now" from here on, ms since the epoch (it runs on from there). */
export const ClockBodySchema = v.strictObject({
  nowMs: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(8_640_000_000_000_000)),
});

/** `push`: stop the push service (it drops every connection and answers 503) or start it again. */
export const PushBodySchema = v.strictObject({ enabled: v.boolean() });

class ControlFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly description: string,
  ) {
    super(code);
  }
}

/** A JSON body (empty means `{}`). A non-empty body must say `Content-Type: application/json`. */
async function readJson(req: IncomingMessage): Promise<unknown> {
  let text: string;
  try {
    text = await readBody(req);
  } catch (error) {
    if (error instanceof BodyTooLargeError) throw new ControlFailure(413, 'payload_too_large', 'Body too large.');
    throw error;
  }
  const type = mediaType(req);
  if (text.trim() === '' && (type === null || type === 'application/json')) return {};
  if (type !== 'application/json') {
    throw new ControlFailure(415, 'unsupported_media_type', 'Send a JSON body with Content-Type: application/json (or no body).');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ControlFailure(400, 'invalid_request', 'The body is not valid JSON.');
  }
}

function parse<const S extends v.GenericSchema>(schema: S, input: unknown): v.InferOutput<S> {
  const result = v.safeParse(schema, input);
  if (!result.success) {
    const issues = result.issues.map((issue) => `${v.getDotPath(issue) ?? '(body)'}: ${issue.message}`).join('; ');
    throw new ControlFailure(400, 'invalid_request', issues);
  }
  return result.output;
}

/** `/sandbox/control/*` */
export async function handleControl(state: SandboxState, req: IncomingMessage, res: ServerResponse, action: string): Promise<void> {
  const routes: Record<string, 'GET' | 'POST'> = {
    reset: 'POST',
    'revoke-all': 'POST',
    settings: 'POST',
    'add-calls': 'POST',
    fault: 'POST',
    call: 'POST',
    presence: 'POST',
    push: 'POST',
    clock: 'POST',
    log: 'GET',
  };
  const method = routes[action];
  try {
    if (!method) throw new ControlFailure(404, 'not_found', 'No such control action.');
    if (req.method !== method) {
      res.setHeader('Allow', method);
      throw new ControlFailure(405, 'method_not_allowed', `Use ${method}.`);
    }
    if (!sameOrigin(req)) throw new ControlFailure(403, 'forbidden', 'The control API only answers tests and the sandbox itself.');
    switch (action) {
      case 'reset': {
        const body = parse(ResetBodySchema, await readJson(req));
        state.reset(body);
        state.pushControl?.setEnabled(true);
        sendJson(res, 200, { ok: true });
        return;
      }
      case 'revoke-all': {
        await readJson(req);
        sendJson(res, 200, { revoked: state.revokeAllTokens() });
        return;
      }
      case 'settings': {
        const body = parse(SettingsBodySchema, await readJson(req));
        if (body.dropState !== undefined) state.settings.dropState = body.dropState;
        if (body.requirePkce !== undefined) state.settings.requirePkce = body.requirePkce;
        if (body.latencyMs !== undefined) state.settings.latencyMs = body.latencyMs;
        const { dropState, requirePkce, latencyMs } = state.settings;
        sendJson(res, 200, { dropState, requirePkce, latencyMs });
        return;
      }
      case 'add-calls': {
        const body = parse(AddCallsBodySchema, await readJson(req));
        const added = addIncomingCalls(state.data, {
          count: body.count,
          nowSec: Math.floor(state.clock() / 1000),
          seed: state.settings.seed,
          status: body.status ?? 'missed',
          hostileNames: state.settings.hostileNames,
        });
        sendJson(res, 200, { calls: added.map((s) => s.call) });
        return;
      }
      case 'call': {
        const body = parse(CallBodySchema, await readJson(req));
        const nowSec = Math.floor(state.clock() / 1000);
        try {
          if (body.action === 'ring') {
            const { callUuid, receptionId, employeeIds, fromNumber } = body;
            const call = callUuid
              ? ringEmployees(state.data, callUuid, employeeIds ?? [], nowSec)
              : ringCall(state.data, { nowSec, ...(receptionId ? { receptionId } : {}), ...(employeeIds ? { employeeIds } : {}), ...(fromNumber ? { fromNumber } : {}) });
            sendJson(res, 200, { callUuid: call.callUuid, nodes: call.nodes });
          } else if (body.action === 'answer') {
            const call = answerCall(state.data, body.callUuid, body.employeeId, nowSec);
            sendJson(res, 200, { callUuid: call.callUuid, nodes: call.nodes });
          } else {
            sendJson(res, 200, { call: endCall(state.data, body.callUuid, nowSec) });
          }
        } catch (error) {
          if (error instanceof LiveCallError) throw new ControlFailure(error.status, error.status === 404 ? 'not_found' : 'conflict', error.message);
          throw error;
        }
        return;
      }
      case 'push': {
        const body = parse(PushBodySchema, await readJson(req));
        state.pushControl?.setEnabled(body.enabled);
        sendJson(res, 200, { enabled: state.pushControl?.enabled ?? false });
        return;
      }
      case 'clock': {
        const body = parse(ClockBodySchema, await readJson(req));
        state.setClock(body.nowMs);
        sendJson(res, 200, { now: state.nowIso() });
        return;
      }
      case 'presence': {
        const body = parse(PresenceBodySchema, await readJson(req));
        const employee = state.data.employees.find((e) => e.id === body.employeeId);
        if (!employee) throw new ControlFailure(404, 'not_found', `No employee ${body.employeeId}.`);
        employee.live_presence = body.presence;
        sendJson(res, 200, { employeeId: employee.id, presence: body.presence });
        return;
      }
      case 'fault': {
        const fault = parse(FaultBodySchema, await readJson(req));
        state.faults.push({ ...fault });
        sendJson(res, 200, { faults: state.faults });
        return;
      }
      default: {
        sendJson(res, 200, state.log, { 'Cache-Control': 'no-store' });
        return;
      }
    }
  } catch (error) {
    if (!(error instanceof ControlFailure)) throw error;
    sendJson(res, error.status, { error: error.code, error_description: error.description });
  }
}

function liveView(state: SandboxState): LiveView {
  const data = state.data;
  const nowSec = Math.floor(state.clock() / 1000);
  const nameOf = (id: number | null) => data.employees.find((e) => e.id === id)?.name ?? '';
  return {
    employees: data.employees.map((e) => ({ id: e.id, name: e.name, presence: employeeView(data, e, nowSec).live_presence })),
    receptions: data.receptions.map((r) => ({ id: r.id, name: r.name })),
    calls: data.liveCalls.map((c) => ({
      callUuid: c.callUuid,
      reception: data.receptions.find((r) => r.id === c.receptionId)?.name ?? '',
      state: c.answeredBy !== null ? 'answered' : c.ringing.length > 0 ? 'ringing' : 'waiting',
      who: c.answeredBy !== null ? nameOf(c.answeredBy) : c.ringing.map(nameOf).join(', '),
    })),
  };
}

/** A form field as a positive whole number, or undefined. */
function formId(form: URLSearchParams, name: string): number | undefined {
  const raw = form.get(name) ?? '';
  return /^\d{1,7}$/.test(raw) && Number(raw) > 0 ? Number(raw) : undefined;
}

/** The home page's forms for calls in progress and presence (`ring`, `answer`, `end`, `presence`). */
async function handleLivePageAction(state: SandboxState, req: IncomingMessage, res: ServerResponse, action: string): Promise<void> {
  let text: string;
  try {
    text = await readBody(req);
  } catch (error) {
    if (!(error instanceof BodyTooLargeError)) throw error;
    sendHtml(res, 413, simplePage('Not done', 'The form was too large.'));
    return;
  }
  const form = new URLSearchParams(text);
  const nowSec = Math.floor(state.clock() / 1000);
  const callUuid = form.get('callUuid') ?? '';
  const employeeId = formId(form, 'employeeId');
  try {
    if (action === 'ring') {
      const receptionId = formId(form, 'receptionId');
      ringCall(state.data, { nowSec, ...(receptionId ? { receptionId } : {}), ...(employeeId ? { employeeIds: [employeeId] } : {}) });
    } else if (action === 'answer' && employeeId) {
      answerCall(state.data, callUuid, employeeId, nowSec);
    } else if (action === 'end') {
      endCall(state.data, callUuid, nowSec);
    } else if (action === 'presence') {
      const presence = v.safeParse(PresenceBodySchema, { employeeId, presence: form.get('presence') });
      const employee = presence.success ? state.data.employees.find((e) => e.id === presence.output.employeeId) : undefined;
      if (!presence.success || !employee) throw new LiveCallError(400, 'Choose an employee and a presence.');
      employee.live_presence = presence.output.presence;
    } else {
      throw new LiveCallError(400, 'Choose who answers.');
    }
  } catch (error) {
    if (!(error instanceof LiveCallError)) throw error;
    sendHtml(res, error.status, simplePage('Not done', error.message));
    return;
  }
  redirect(res, 303, '/sandbox');
}

const NOTICES: Record<string, string> = {
  revoked: 'All tokens revoked',
  'signed-out': 'Signed out of the sandbox',
  'approvals-forgotten': 'Approvals forgotten',
};

/** `GET /` and `GET /sandbox` */
export function handleHome(state: SandboxState, req: IncomingMessage, res: ServerResponse, url: URL): void {
  const sessionId = parseCookies(req.headers.cookie).get(SESSION_COOKIE);
  const session = sessionId ? state.sessions.get(sessionId) : undefined;
  const user = session ? SANDBOX_USERS.find((u) => u.employeeId === session.employeeId) : undefined;
  const tokensByClient = new Map<string, number>();
  for (const token of state.tokens.values()) tokensByClient.set(token.clientId, (tokensByClient.get(token.clientId) ?? 0) + 1);
  const notice = NOTICES[url.searchParams.get('notice') ?? ''] ?? null;
  sendHtml(
    res,
    200,
    homePage({
      clients: state.clients,
      liveTokens: state.tokens.size,
      tokensByClient,
      approvals: state.approvals.size,
      settings: state.settings,
      callCount: state.data.calls.length,
      voiceMailCount: state.data.voiceMails.filter((s) => s.companyId === state.data.companyId).length,
      dials: state.log.dials.slice(-10).reverse(),
      signedInAs: user ? user.email : null,
      notice,
      live: liveView(state),
    }),
  );
}

/**
 * Refuses requests a browser sends on behalf of another site (CSRF). Tests' `fetch` sends neither header;
 * browsers send `Origin` on POST and `Sec-Fetch-Site` on everything.
 */
function sameOrigin(req: IncomingMessage): boolean {
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return false;
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  return origin === `http://${req.headers.host ?? ''}`;
}

const LIVE_PAGE_ACTIONS = new Set(['ring', 'answer', 'end', 'presence']);

/**
 * `POST /sandbox/revoke-all`, `/sandbox/sign-out`, `/sandbox/forget-approvals`, and `/sandbox/ring`, `/answer`,
 * `/end`, `/presence` (the home page's buttons and forms).
 */
export async function handlePageAction(state: SandboxState, req: IncomingMessage, res: ServerResponse, action: string): Promise<void> {
  if (!sameOrigin(req)) {
    sendHtml(res, 403, simplePage('Request refused', 'This form only works from the sandbox page itself.'));
    return;
  }
  if (LIVE_PAGE_ACTIONS.has(action)) {
    await handleLivePageAction(state, req, res, action);
    return;
  }
  try {
    await readBody(req);
  } catch (error) {
    if (!(error instanceof BodyTooLargeError)) throw error;
  }
  if (action === 'revoke-all') {
    state.revokeAllTokens();
    redirect(res, 303, '/sandbox?notice=revoked');
  } else if (action === 'forget-approvals') {
    state.approvals.clear();
    redirect(res, 303, '/sandbox?notice=approvals-forgotten');
  } else {
    const sessionId = parseCookies(req.headers.cookie).get(SESSION_COOKIE);
    if (sessionId) state.sessions.delete(sessionId);
    redirect(res, 303, '/sandbox?notice=signed-out', { 'Set-Cookie': clearedSessionCookie() });
  }
}
