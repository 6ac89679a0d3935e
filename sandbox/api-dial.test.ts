import { beforeEach, describe, expect, it } from 'vitest';
import { sandboxControl } from './client.ts';
import { apiRequest, NOW, obtainToken, sandboxPerFile } from './test-support.ts';

const sandbox = sandboxPerFile({}, { resetEachTest: true });
let mette: string;
let lars: string;
beforeEach(async () => {
  mette = await obtainToken(sandbox.url);
  lars = await obtainToken(sandbox.url, 'lars@firmafon.test');
});

const dialUrl = (query = ''): string => `${sandbox.url}/api/v2/switch/dial${query}`;
const dials = () => sandboxControl(sandbox.url).dials();

describe('POST /api/v2/switch/dial', () => {
  it('records one dial per request with a form body, and answers 200 {}', async () => {
    const { status, body } = await apiRequest(dialUrl(), 'POST', { token: mette, form: { to_number: '4571999999' } });
    expect(status).toBe(200);
    expect(body).toEqual({});
    expect(await dials()).toEqual([{ at: NOW.toISOString(), employeeId: 1, toNumber: '4571999999' }]);
  });

  it('puts the outgoing call it places at the top of the history, so the number counts as called back', async () => {
    const missed = (await apiRequest(`${sandbox.url}/api/v2/calls?status=missed&direction=incoming&limit=1`, 'GET', { token: mette })).body as {
      calls: Array<{ from_number: string }>;
    };
    const number = missed.calls[0]?.from_number ?? '';
    const me = ((await apiRequest(`${sandbox.url}/api/v2/employee`, 'GET', { token: mette })).body as { employee: { number: string } }).employee;
    await apiRequest(dialUrl(), 'POST', { token: mette, form: { to_number: number } });
    const { body } = await apiRequest(`${sandbox.url}/api/v2/calls?number=${number}&limit=1`, 'GET', { token: mette });
    expect((body as { calls: unknown[] }).calls[0]).toMatchObject({
      direction: 'outgoing',
      status: 'ringing',
      from_number: me.number,
      to_number: number,
      started_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      answered_at: null,
    });
  });

  it('takes to_number in the query string too, as one client sends it', async () => {
    const { status } = await apiRequest(dialUrl('?to_number=4520304050'), 'POST', { token: mette });
    expect(status).toBe(200);
    expect((await dials()).map((d) => d.toNumber)).toEqual(['4520304050']);
  });

  it('keeps every dial, in order', async () => {
    await apiRequest(dialUrl(), 'POST', { token: mette, form: { to_number: '4571999999' } });
    sandbox.advance(5_000);
    await apiRequest(dialUrl(), 'POST', { token: mette, json: { to_number: '46701234567' } });
    expect((await dials()).map((d) => [d.toNumber, d.at])).toEqual([
      ['4571999999', NOW.toISOString()],
      ['46701234567', new Date(NOW.getTime() + 5_000).toISOString()],
    ]);
    sandbox.advance(-5_000);
  });

  it('refuses an employee without a switch with 422 { status, message } and records nothing', async () => {
    const { status, body } = await apiRequest(dialUrl(), 'POST', { token: lars, form: { to_number: '4571999999' } });
    expect(status).toBe(422);
    expect(body).toMatchObject({ status: 422, message: expect.any(String) });
    expect(await dials()).toEqual([]);
  });

  it('refuses a missing or malformed number with 400 and records nothing', async () => {
    const forms: Array<Record<string, string>> = [{}, { to_number: '' }, { to_number: '+4571999999' }, { to_number: '45 71 99 99 99' }, { to_number: '12' }, { to_number: '1234567890123456' }, { to_number: 'abc' }, { number: '4571999999' }];
    for (const form of forms) {
      const { status, body } = await apiRequest(dialUrl(), 'POST', { token: mette, form });
      expect(status).toBe(400);
      expect(body).toMatchObject({ status: 400, message: expect.any(String) });
    }
    expect(await dials()).toEqual([]);
  });

  it('needs a valid token: 401 and nothing recorded', async () => {
    for (const token of [undefined, 'unknown-token']) {
      const { status, body } = await apiRequest(dialUrl(), 'POST', { token, form: { to_number: '4571999999' } });
      expect(status).toBe(401);
      expect(body).toMatchObject({ error: 'invalid_token' });
    }
    expect(await dials()).toEqual([]);
  });

  it('answers other methods with 405 and Allow: POST', async () => {
    const { status, res } = await apiRequest(dialUrl('?to_number=4571999999'), 'GET', { token: mette });
    expect(status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
    expect(await dials()).toEqual([]);
  });

  it('logs the request without its query, and reset forgets the dials', async () => {
    await apiRequest(dialUrl('?to_number=4571999999'), 'POST', { token: mette });
    await apiRequest(dialUrl('?to_number=4571999999'), 'POST', { token: lars });
    const log = await sandboxControl(sandbox.url).log();
    expect(log.apiRequests.map((r) => [r.path, r.status])).toEqual([
      ['/api/v2/switch/dial', 200],
      ['/api/v2/switch/dial', 422],
    ]);
    expect(log.dials).toHaveLength(1);
    await sandboxControl(sandbox.url).reset();
    expect(await dials()).toEqual([]);
  });

  it('shows the last dials on the sandbox’s home page', async () => {
    expect(await (await fetch(`${sandbox.url}/sandbox`)).text()).toContain('None yet.');
    await apiRequest(dialUrl(), 'POST', { token: mette, form: { to_number: '4571999999' } });
    const page = await (await fetch(`${sandbox.url}/sandbox`)).text();
    expect(page).toContain('<td><code>4571999999</code></td>');
  });
});

describe('GET /api/v2/employee(s) and has_switch', () => {
  it('tells who has a switch: Mette has, Lars has not', async () => {
    const me = await apiRequest(`${sandbox.url}/api/v2/employee`, 'GET', { token: mette });
    expect(me.body).toMatchObject({ employee: { id: 1, has_switch: true } });
    const all = await apiRequest(`${sandbox.url}/api/v2/employees`, 'GET', { token: lars });
    const employees = (all.body as { employees: Array<{ id: number; has_switch: unknown }> }).employees;
    expect(employees.find((e) => e.id === 2)?.has_switch).toBe(false);
    expect(employees.every((e) => typeof e.has_switch === 'boolean')).toBe(true);
  });
});
