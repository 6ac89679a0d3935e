import { beforeEach, describe, expect, it } from 'vitest';
import { sandboxControl } from './client.ts';
import { apiRequest, NOW, obtainToken, sandboxPerFile } from './test-support.ts';

const sandbox = sandboxPerFile({}, { resetEachTest: true });
let mette: string;
beforeEach(async () => {
  mette = await obtainToken(sandbox.url);
});

const control = () => sandboxControl(sandbox.url);
const get = async <T>(path: string, token = mette): Promise<T> => (await apiRequest(`${sandbox.url}/api/v2${path}`, 'GET', { token })).body as T;

interface Person {
  id: number;
  live_presence: string;
  do_not_disturb: boolean;
  dnd_timeout_at: string | null;
}
const presenceOf = async (id: number): Promise<string | undefined> =>
  (await get<{ employees: Person[] }>('/employees')).employees.find((e) => e.id === id)?.live_presence;

describe('presence, groups and calls in progress', () => {
  it('lists the employee groups with their members and an aggregate presence', async () => {
    await control().setPresence(3, 'busy');
    const { employee_groups } = await get<{ employee_groups: Array<{ id: number; name: string; employee_ids: number[]; live_presence: string; endpoint: string }> }>(
      '/employee_groups',
    );
    expect(employee_groups.map((g) => [g.name, g.endpoint, g.live_presence])).toEqual([
      ['Salg', 'EmployeeGroup#1', 'available'],
      ['Support', 'EmployeeGroup#2', 'available'],
    ]);
    expect(employee_groups[1]?.employee_ids).toEqual([1, 3, 5, 6]);
  });

  it('drives a call from waiting to ringing, answered and ended, with presence following it', async () => {
    const { callUuid } = await control().ringCall({ receptionId: 2 });
    let nodes = (await get<{ call_nodes: Array<{ call_uuid: string; endpoint: string; state: string; node_type: string }> }>('/call_nodes/live')).call_nodes;
    expect(nodes).toEqual([expect.objectContaining({ call_uuid: callUuid, endpoint: 'Reception#2', state: 'open', node_type: 'phase' })]);

    await control().ringMore(callUuid, [4]);
    expect(await presenceOf(4)).toBe('ringing');

    await control().answerCall(callUuid, 4);
    expect(await presenceOf(4)).toBe('busy');
    nodes = (await get<{ call_nodes: Array<{ call_uuid: string; endpoint: string; state: string; node_type: string }> }>('/call_nodes/live')).call_nodes;
    expect(nodes.find((n) => n.node_type === 'employee')).toMatchObject({ endpoint: 'Employee#4', state: 'answered' });

    sandbox.advance(90_000);
    const { call } = await control().endCall(callUuid);
    expect(call).toMatchObject({ call_uuid: callUuid, status: 'answered', answered_by: { id: 4 }, talk_duration: 90, endpoint: 'Reception#2' });
    expect((await get<{ call_nodes: unknown[] }>('/call_nodes/live')).call_nodes).toEqual([]);
    expect(await presenceOf(4)).toBe('available');
    const history = await get<{ calls: Array<{ call_uuid: string }> }>('/calls?limit=1');
    expect(history.calls[0]?.call_uuid).toBe(callUuid);
  });

  it('answers a call in progress by its call_uuid, with its caller and reception, until it is logged', async () => {
    const { callUuid } = await control().ringCall({ receptionId: 2, employeeIds: [1], fromNumber: '4512345678' });
    const ringing = await get<{ call: Record<string, unknown> }>(`/calls/${callUuid}`);
    expect(ringing.call).toMatchObject({ call_uuid: callUuid, from_number: '4512345678', endpoint: 'Reception#2', status: 'ringing', ended_at: null });
    await control().endCall(callUuid);
    expect((await get<{ call: Record<string, unknown> }>(`/calls/${callUuid}`)).call).toMatchObject({ status: 'missed' });
  });

  it('answers 404 for an unknown call and 409 for a second answer', async () => {
    const response = await fetch(`${sandbox.url}/sandbox/control/call`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'end', callUuid: 'nope' }),
    });
    expect(response.status).toBe(404);
    const { callUuid } = await control().ringCall({ employeeIds: [1] });
    await control().answerCall(callUuid, 1);
    await expect(control().answerCall(callUuid, 4)).rejects.toThrow(/409/);
  });
});

describe('PUT /api/v2/employees/:id (do-not-disturb)', () => {
  const put = (id: number, form: Record<string, string>, token = mette) => apiRequest(`${sandbox.url}/api/v2/employees/${id}`, 'PUT', { token, form });

  it('turns do-not-disturb on until a time, shows it as presence, records it, and ends it by itself', async () => {
    // Other tests move the clock forward a little; ten hours from the start is still ahead.
    const until = new Date(NOW.getTime() + 10 * 3_600_000).toISOString();
    const { status, body } = await put(1, { 'employee[do_not_disturb]': 'true', 'employee[dnd_timeout_at]': until });
    expect(status).toBe(200);
    expect((body as { employee: Person }).employee).toMatchObject({ do_not_disturb: true, dnd_timeout_at: until, live_presence: 'do_not_disturb' });
    expect(await control().doNotDisturbChanges()).toEqual([{ at: expect.any(String), employeeId: 1, doNotDisturb: true, timeoutAt: until }]);
    sandbox.advance(10 * 3_600_000);
    expect(await presenceOf(1)).toBe('available');
  });

  it('turns it off with an explicit false and clears the timeout', async () => {
    await put(1, { 'employee[do_not_disturb]': 'true' });
    expect(await presenceOf(1)).toBe('do_not_disturb');
    const { body } = await put(1, { 'employee[do_not_disturb]': 'false', 'employee[dnd_timeout_at]': '' });
    expect((body as { employee: Person }).employee).toMatchObject({ do_not_disturb: false, dnd_timeout_at: null, live_presence: 'available' });
  });

  it("refuses a colleague's do-not-disturb (403) and a value that is not a boolean (400)", async () => {
    expect((await put(2, { 'employee[do_not_disturb]': 'true' })).status).toBe(403);
    expect((await put(1, { 'employee[do_not_disturb]': 'yes' })).status).toBe(400);
    expect((await put(1, { 'employee[do_not_disturb]': 'true', 'employee[dnd_timeout_at]': 'tomorrow' })).status).toBe(400);
    expect(await control().doNotDisturbChanges()).toEqual([]);
  });
});

describe("the home page's forms for calls in progress and presence", () => {
  const post = (action: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
    fetch(`${sandbox.url}/sandbox/${action}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(fields).toString(),
    });
  const liveCalls = async () => (await get<{ call_nodes: Array<{ call_uuid: string; node_type: string; state: string }> }>('/call_nodes/live')).call_nodes;

  it('rings a call, answers and ends it, and sets a presence, each answering with a redirect to the page', async () => {
    expect((await post('ring', { receptionId: '2', employeeId: '' })).status).toBe(303);
    const callUuid = (await liveCalls())[0]?.call_uuid ?? '';
    const page = await (await fetch(`${sandbox.url}/sandbox`)).text();
    expect(page).toContain('Calls in progress and presence');
    expect(page).toContain(`value="${callUuid}"`);
    expect((await post('answer', { callUuid, employeeId: '5' })).status).toBe(303);
    expect(await presenceOf(5)).toBe('busy');
    expect((await post('end', { callUuid })).status).toBe(303);
    expect(await liveCalls()).toEqual([]);
    expect((await post('presence', { employeeId: '3', presence: 'do_not_disturb' })).status).toBe(303);
    expect(await presenceOf(3)).toBe('do_not_disturb');
  });

  it('answers 400 or 404 for a form it cannot act on, and 403 from another origin', async () => {
    expect((await post('presence', { employeeId: '3', presence: 'asleep' })).status).toBe(400);
    expect((await post('end', { callUuid: 'nope' })).status).toBe(404);
    expect((await post('ring', { receptionId: '1' }, { origin: 'http://evil.example' })).status).toBe(403);
    expect(await liveCalls()).toEqual([]);
  });
});
