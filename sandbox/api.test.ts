import * as v from 'valibot';
import { beforeAll, describe, expect, it } from 'vitest';
import { EmployeeResponseSchema, EmployeesResponseSchema, ReceptionsResponseSchema } from '../common/firmafon-schemas.ts';
import { CallResponseSchema, CallsResponseSchema, type Call } from '../common/call-schemas.ts';
import { getJson, obtainToken, sandboxPerFile } from './test-support.ts';

const sandbox = sandboxPerFile({ calls: 300 });
let token: string;
beforeAll(async () => {
  token = await obtainToken(sandbox.url);
});

async function calls(query: string): Promise<Call[]> {
  const { status, body } = await getJson(`${sandbox.url}/api/v2/calls${query}`, token);
  expect(status).toBe(200);
  return v.parse(CallsResponseSchema, body).calls;
}

async function all(): Promise<Call[]> {
  // Everything, newest first, through inclusive paging (the dataset has no more than 100 calls in one second).
  const seen = new Map<string, Call>();
  let bound: string | undefined;
  for (;;) {
    const page = await calls(`?limit=100${bound ? `&started_at_lt_or_eq=${encodeURIComponent(bound)}` : ''}`);
    for (const call of page) seen.set(call.call_uuid, call);
    if (page.length < 100) return [...seen.values()];
    bound = page[page.length - 1]?.started_at;
  }
}

const seconds = (iso: string): number => Math.floor(Date.parse(iso) / 1000);

describe('authentication of API requests', () => {
  it('accepts the token in an Authorization: Bearer header', async () => {
    const { status, body, res } = await getJson(`${sandbox.url}/api/v2/employee`, token);
    expect(status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(v.parse(EmployeeResponseSchema, body).employee.name).toBe('Mette Jensen');
  });

  it('accepts the token as an access_token parameter', async () => {
    const { status } = await getJson(`${sandbox.url}/api/v2/employee?access_token=${encodeURIComponent(token)}`);
    expect(status).toBe(200);
  });

  it('answers an unknown or missing token with 401 invalid_token and a Bearer challenge', async () => {
    for (const t of ['unknown-token', undefined]) {
      const { status, body, res } = await getJson(`${sandbox.url}/api/v2/calls`, t);
      expect(status).toBe(401);
      expect(body).toMatchObject({ error: 'invalid_token' });
      expect(res.headers.get('www-authenticate')).toContain('Bearer error="invalid_token"');
    }
  });

  it('sends no CORS headers', async () => {
    const res = await fetch(`${sandbox.url}/api/v2/calls`, { headers: { authorization: `Bearer ${token}`, origin: 'http://localhost:5173' } });
    expect([...res.headers.keys()].filter((k) => k.startsWith('access-control-'))).toEqual([]);
  });

  it('answers other methods with 405 and Allow: GET', async () => {
    const res = await fetch(`${sandbox.url}/api/v2/calls`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET');
  });

  it('gives each user their own employee record', async () => {
    const larsToken = await obtainToken(sandbox.url, 'lars@firmafon.test');
    const { body } = await getJson(`${sandbox.url}/api/v2/employee`, larsToken);
    expect(body).toMatchObject({ employee: { type: 'Employee', id: 2, name: 'Lars Nielsen', endpoint: 'Employee#2', company_id: 1 } });
  });
});

describe('GET /api/v2/employees and /receptions', () => {
  it('lists the company’s employees', async () => {
    const { body } = await getJson(`${sandbox.url}/api/v2/employees`, token);
    const { employees } = v.parse(EmployeesResponseSchema, body);
    expect(employees.map((e) => e.name)).toContain('Lars Nielsen');
    expect(employees.every((e) => e.company_id === 1)).toBe(true);
  });

  it('lists the receptions with their phone numbers and endpoints', async () => {
    const { body } = await getJson(`${sandbox.url}/api/v2/receptions`, token);
    const { receptions } = v.parse(ReceptionsResponseSchema, body);
    expect(receptions.map((r) => r.name)).toEqual(['Hovednummer', 'Support', 'Salg']);
    expect(receptions[0]).toMatchObject({ endpoint: 'Reception#1', phone_number: { number: expect.stringMatching(/^45\d{8}$/) } });
  });
});

describe('GET /api/v2/calls', () => {
  it('returns 30 calls by default, newest first', async () => {
    const page = await calls('');
    expect(page).toHaveLength(30);
    const starts = page.map((c) => seconds(c.started_at));
    expect(starts).toEqual([...starts].sort((a, b) => b - a));
  });

  it('honours a smaller limit and clamps a larger one at 100', async () => {
    expect(await calls('?limit=7')).toHaveLength(7);
    expect(await calls('?limit=100')).toHaveLength(100);
    expect(await calls('?limit=1000')).toHaveLength(100);
  });

  it('answers a non-numeric or non-positive limit with 400 { status, message }', async () => {
    for (const limit of ['abc', '0', '-5', '2.5']) {
      const { status, body } = await getJson(`${sandbox.url}/api/v2/calls?limit=${limit}`, token);
      expect(status).toBe(400);
      expect(body).toMatchObject({ status: 400, message: expect.any(String) });
    }
  });

  it('answers an invalid time filter with 400, including an unencoded + in an offset', async () => {
    for (const value of ['yesterday', '2026-13-01T00:00:00Z', '2026-11-27T14:00:00 01:00']) {
      const { status } = await getJson(`${sandbox.url}/api/v2/calls?started_at_lt_or_eq=${encodeURIComponent(value)}`, token);
      expect(status).toBe(400);
    }
  });

  it('filters by direction and status', async () => {
    const outgoing = await calls('?direction=outgoing&limit=100');
    expect(outgoing.length).toBeGreaterThan(0);
    expect(outgoing.every((c) => c.direction === 'outgoing')).toBe(true);
    const missed = await calls('?status=missed&limit=100');
    expect(missed.length).toBeGreaterThan(0);
    expect(missed.every((c) => c.status === 'missed')).toBe(true);
  });

  it('filters by number, matching either the caller or the callee', async () => {
    const everything = await all();
    const callback = everything.find((c) => c.direction === 'outgoing' && everything.some((m) => m.from_number === c.to_number));
    const number = callback?.to_number ?? '';
    expect(number).not.toBe('');
    const found = await calls(`?number=${number}&limit=100`);
    expect(found.length).toBe(everything.filter((c) => c.from_number === number || c.to_number === number).length);
    expect(found.some((c) => c.direction === 'incoming')).toBe(true);
    expect(found.some((c) => c.direction === 'outgoing')).toBe(true);
  });

  it('filters by endpoint, matching the call’s endpoint or any of its nodes', async () => {
    const everything = await all();
    const support = await calls('?endpoint=Reception%232&limit=100');
    expect(support.length).toBe(everything.filter((c) => c.endpoint === 'Reception#2').length);
    const lars = await calls('?endpoint=Employee%232&limit=100');
    const expected = everything.filter((c) => c.endpoint === 'Employee#2' || (c.nodes ?? []).some((n) => n.endpoint === 'Employee#2'));
    expect(lars.map((c) => c.call_uuid)).toEqual(expected.slice(0, 100).map((c) => c.call_uuid));
    expect(lars.some((c) => c.endpoint?.startsWith('Reception#'))).toBe(true);
  });

  it('filters by started_at bounds, inclusive, with any offset', async () => {
    const page = await calls('?limit=50');
    const pivot = page[20];
    if (!pivot) throw new Error('no pivot');
    const at = seconds(pivot.started_at);
    const utc = new Date(at * 1000).toISOString().replace('.000', '');
    const plusNine = new Date((at + 9 * 3600) * 1000).toISOString().replace('.000Z', '+09:00');
    for (const bound of [pivot.started_at, utc, plusNine]) {
      const older = await calls(`?limit=100&started_at_lt_or_eq=${encodeURIComponent(bound)}`);
      expect(older[0] && seconds(older[0].started_at)).toBe(at);
      expect(older.some((c) => c.call_uuid === pivot.call_uuid)).toBe(true);
      const newer = await calls(`?limit=100&started_at_gt_or_eq=${encodeURIComponent(bound)}`);
      expect(newer.every((c) => seconds(c.started_at) >= at)).toBe(true);
      expect(newer.some((c) => c.call_uuid === pivot.call_uuid)).toBe(true);
    }
  });

  it('filters by ended_at bounds and leaves out calls that have not ended', async () => {
    const everything = await all();
    const ended = everything.filter((c) => c.ended_at !== null);
    const pivot = ended[40];
    if (!pivot?.ended_at) throw new Error('no pivot');
    const at = seconds(pivot.ended_at);
    const before = await calls(`?limit=100&ended_at_lt_or_eq=${encodeURIComponent(pivot.ended_at)}`);
    expect(before.every((c) => c.ended_at !== null && seconds(c.ended_at) <= at)).toBe(true);
    expect(before.some((c) => c.call_uuid === pivot.call_uuid)).toBe(true);
    const after = await calls(`?limit=100&ended_at_gt_or_eq=${encodeURIComponent(pivot.ended_at)}`);
    expect(after.length).toBe(Math.min(100, ended.filter((c) => seconds(c.ended_at ?? '') >= at).length));
    expect(after.every((c) => c.ended_at !== null && seconds(c.ended_at) >= at)).toBe(true);
  });

  it('returns the boundary call again when paging with an inclusive started_at_lt_or_eq', async () => {
    const first = await calls('?limit=30');
    const last = first[first.length - 1];
    if (!last) throw new Error('empty page');
    const next = await calls(`?limit=30&started_at_lt_or_eq=${encodeURIComponent(last.started_at)}`);
    expect(next.some((c) => c.call_uuid === last.call_uuid)).toBe(true);
    expect(next.every((c) => seconds(c.started_at) <= seconds(last.started_at))).toBe(true);
  });

  it('renders timestamps with Copenhagen offsets and no fractions, and has Firmafon’s undocumented fields', async () => {
    const { body } = await getJson(`${sandbox.url}/api/v2/calls?limit=100`, token);
    const raw = body as { calls: Array<Record<string, unknown>> };
    for (const call of raw.calls) {
      expect(call.started_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0[12]:00$/);
      expect(call).toHaveProperty('talk_duration');
      expect(call).toHaveProperty('from_number_formatted');
      expect(call).toHaveProperty('to_number_formatted');
      expect(call).toHaveProperty('from_number_hidden');
    }
  });
});

describe('GET /api/v2/calls/:call_uuid', () => {
  it('returns one call by its uuid', async () => {
    const [first] = await calls('?limit=1');
    if (!first) throw new Error('no calls');
    const { status, body } = await getJson(`${sandbox.url}/api/v2/calls/${first.call_uuid}`, token);
    expect(status).toBe(200);
    expect(v.parse(CallResponseSchema, body).call).toEqual(first);
  });

  it('answers an unknown uuid with 404 { status, message }', async () => {
    const { status, body } = await getJson(`${sandbox.url}/api/v2/calls/00000000-0000-4000-8000-000000000000`, token);
    expect(status).toBe(404);
    expect(body).toEqual({ status: 404, message: 'Not found' });
  });
});

describe('revoking tokens', () => {
  it('makes every token answer 401 after revoke-all', async () => {
    const mine = await obtainToken(sandbox.url);
    expect((await getJson(`${sandbox.url}/api/v2/employee`, mine)).status).toBe(200);
    const res = await fetch(`${sandbox.url}/sandbox/control/revoke-all`, { method: 'POST', headers: { 'content-type': 'application/json' } });
    expect(await res.json()).toMatchObject({ revoked: expect.any(Number) });
    expect((await getJson(`${sandbox.url}/api/v2/employee`, mine)).status).toBe(401);
    expect((await getJson(`${sandbox.url}/api/v2/employee`, token)).status).toBe(401);
    token = await obtainToken(sandbox.url);
  });
});
