/**
 * Firmafon's push service, played by a real Faye (Bayeux) server from the same `faye` package the dashboard's
 * client uses, mounted at `/faye` on the sandbox's own origin. Every subscription must carry a live
 * access token in the Bayeux extension (`ext.access_token`, as Firmafon's clients send it), and a person may only
 * subscribe to their own company's and their own channels:
 *
 *   /call2/company/:company_id   /call2/employee/:employee_id   /presence/company/:company_id
 *
 * Only the sandbox publishes (clients' publishes are refused). After every control action and API write, and every
 * couple of seconds (for do-not-disturb timeouts), it compares presence and calls in progress with what it last
 * published and publishes the differences: a call as `{ data: call }` (as the one public subscriber reads it), a
 * presence as `{ endpoint, live_presence, busy_since, do_not_disturb, dnd_timeout_at }`, once per person or group
 * that changed. The control API can stop it (`push`), so tests can watch the dashboard fall back to polling.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import faye from 'faye';
import type { EmployeeJson } from './data/index.ts';
import { callJsonOf, employeeView, groupView } from './live.ts';
import { randomToken, type SandboxState } from './state.ts';

export const PUSH_MOUNT = '/faye';
const SYNC_INTERVAL_MS = 2000;

/** The channels employee `employeeId` of company `companyId` may subscribe to. */
export function allowedChannels(companyId: number, employeeId: number): string[] {
  return [`/call2/company/${companyId}`, `/call2/employee/${employeeId}`, `/presence/company/${companyId}`];
}

export interface PushServer {
  /** Whether it answers at all (the control API's `push`). */
  enabled: boolean;
  handle(req: IncomingMessage, res: ServerResponse): void;
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Stops answering and drops every connection; or starts answering again. */
  setEnabled(enabled: boolean): void;
  /** Publishes what changed since the last call. */
  sync(): void;
  close(): void;
}

interface PresenceSnapshot {
  companyId: number;
  live_presence: string;
  do_not_disturb: boolean;
  dnd_timeout_at: string | null;
  busy_since: string | null;
}

export function createPushServer(state: SandboxState): PushServer {
  const bayeux = new faye.NodeAdapter({ mount: PUSH_MOUNT, timeout: 25, ping: 10 });
  const publisherSecret = randomToken();
  const sockets = new Set<Duplex>();
  const pending = new Set<ServerResponse>();

  const employeeFor = (token: unknown): EmployeeJson | undefined => {
    if (typeof token !== 'string' || token === '') return undefined;
    const record = state.findToken(token);
    return record ? state.data.employees.find((e) => e.id === record.employeeId) : undefined;
  };

  bayeux.addExtension({
    incoming(message, callback) {
      const ext = message.ext ?? {};
      // Nothing from a client's extension (its token above all) is kept beyond this check.
      delete message.ext;
      if (ext.publisher === publisherSecret) {
        // The sandbox's own publishing client.
      } else if (message.channel === '/meta/subscribe') {
        // Checked per subscription, not at the handshake: a Faye client retries a refused handshake for ever, while
        // a refused subscription reaches the code that asked for it (which signs out on a 401).
        const me = employeeFor(ext.access_token);
        const wanted = ([] as string[]).concat(message.subscription ?? []);
        if (!me) message.error = '401::Unauthorized';
        else if (wanted.length === 0 || wanted.some((channel) => !allowedChannels(me.company_id, me.id).includes(channel))) message.error = '403::Forbidden channel';
      } else if (!message.channel.startsWith('/meta/')) {
        message.error = '403::Only Firmafon publishes';
      }
      callback(message);
    },
  });
  const publisher = bayeux.getClient();
  publisher.addExtension({
    outgoing(message, callback) {
      message.ext = { ...message.ext, publisher: publisherSecret };
      callback(message);
    },
  });

  let presences = new Map<string, PresenceSnapshot>();
  let groups = new Map<string, string>();
  let calls = new Map<string, string>();
  const busySince = new Map<number, string>();

  const publish = (channel: string, data: unknown) => {
    if (server.enabled) void publisher.publish(channel, data);
  };

  function sync(): void {
    const nowSec = Math.floor(state.clock() / 1000);
    const data = state.data;
    const nextPresences = new Map<string, PresenceSnapshot>();
    const views = data.employees.map((e) => employeeView(data, e, nowSec));
    for (const view of views) {
      if (view.live_presence === 'busy') {
        if (!busySince.has(view.id)) busySince.set(view.id, new Date(nowSec * 1000).toISOString());
      } else {
        busySince.delete(view.id);
      }
      nextPresences.set(view.endpoint, {
        companyId: view.company_id,
        live_presence: view.live_presence,
        do_not_disturb: view.do_not_disturb,
        dnd_timeout_at: view.dnd_timeout_at,
        busy_since: busySince.get(view.id) ?? null,
      });
    }
    for (const [endpoint, snap] of nextPresences) {
      const before = presences.get(endpoint);
      if (before && JSON.stringify(before) === JSON.stringify(snap)) continue;
      const { companyId, ...fields } = snap;
      publish(`/presence/company/${companyId}`, { endpoint, ...fields });
    }
    presences = nextPresences;

    const nextGroups = new Map<string, string>();
    for (const group of data.employeeGroups) {
      const view = groupView(group, views.filter((v) => group.employee_ids.includes(v.id)));
      nextGroups.set(group.endpoint, view.live_presence);
      if (groups.get(group.endpoint) !== view.live_presence) {
        publish(`/presence/company/${data.companyId}`, { endpoint: group.endpoint, live_presence: view.live_presence, busy_since: null, do_not_disturb: false, dnd_timeout_at: null });
      }
    }
    groups = nextGroups;

    const nextCalls = new Map<string, string>();
    const publishCall = (companyId: number, call: ReturnType<typeof callJsonOf>) => {
      publish(`/call2/company/${companyId}`, { data: call });
      const people = new Set(call.nodes.filter((n) => n.node_type === 'employee').map((n) => n.endpoint));
      for (const endpoint of people) {
        const id = /^Employee#(\d+)$/.exec(endpoint)?.[1];
        if (id) publish(`/call2/employee/${id}`, { data: call });
      }
    };
    for (const live of data.liveCalls) {
      const signature = JSON.stringify(live.nodes);
      nextCalls.set(live.callUuid, signature);
      if (calls.get(live.callUuid) !== signature) publishCall(live.companyId, callJsonOf(data, live, null));
    }
    for (const uuid of calls.keys()) {
      if (nextCalls.has(uuid)) continue;
      const ended = data.calls.find((s) => s.call.call_uuid === uuid);
      if (ended) publishCall(ended.call.company_id, ended.call);
    }
    calls = nextCalls;
  }

  const timer = setInterval(sync, SYNC_INTERVAL_MS);
  timer.unref();

  const server: PushServer = {
    enabled: true,
    handle(req, res) {
      if (!server.enabled) {
        res.writeHead(503, { 'Content-Type': 'text/plain', 'Retry-After': '5' });
        res.end('The push service is stopped (sandbox control API).');
        return;
      }
      pending.add(res);
      res.once('close', () => pending.delete(res));
      bayeux.handle(req, res);
    },
    handleUpgrade(req, socket, head) {
      if (!server.enabled) {
        socket.destroy();
        return;
      }
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
      bayeux.handleUpgrade(req, socket, head);
    },
    setEnabled(enabled) {
      server.enabled = enabled;
      if (!enabled) {
        for (const socket of sockets) socket.destroy();
        for (const res of pending) res.destroy();
      }
    },
    sync,
    close() {
      clearInterval(timer);
      server.setEnabled(false);
      publisher.disconnect();
      bayeux.close();
    },
  };
  sync();
  return server;
}
