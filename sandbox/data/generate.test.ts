import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { CallSchema } from '../../common/call-schemas.ts';
import { formatPhoneNumber } from '../../common/phone.ts';
import { wallTime } from '../../common/copenhagen-time.ts';
import { boundaryLayout, generateData, HOSTILE_IMG_NAME, type GenerateOptions } from './index.ts';
import { createPrng } from '../prng.ts';
import { matchesCall } from '../api.ts';

const NOW = new Date('2026-11-27T13:30:00Z');
const options = (extra: Partial<GenerateOptions> = {}): GenerateOptions => ({
  count: 250,
  seed: 1,
  dataset: 'default',
  hostileNames: false,
  now: NOW,
  ...extra,
});
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('generateData', () => {
  it('gives equal data for equal options and different data for another seed', () => {
    expect(JSON.stringify(generateData(options()))).toBe(JSON.stringify(generateData(options())));
    expect(JSON.stringify(generateData(options({ seed: 2 })))).not.toBe(JSON.stringify(generateData(options())));
  });

  it('makes exactly the requested number of calls, newest first, all before now', () => {
    for (const count of [0, 1, 9, 250, 777]) {
      const { calls } = generateData(options({ count }));
      expect(calls).toHaveLength(count);
      const starts = calls.map((c) => c.startedAt);
      expect(starts).toEqual([...starts].sort((a, b) => b - a));
      expect(calls.every((c) => c.startedAt * 1000 < NOW.getTime() && (c.endedAt ?? 0) * 1000 <= NOW.getTime())).toBe(true);
    }
  });

  it('produces calls that satisfy the dashboard’s schema, with v4 uuids and consistent nodes', () => {
    for (const { call } of generateData(options()).calls) {
      expect(() => v.parse(CallSchema, call)).not.toThrow();
      expect(call.call_uuid).toMatch(UUID_V4);
      expect(call.nodes.length).toBeGreaterThan(0);
      for (const node of call.nodes) {
        expect(node.call_uuid).toBe(call.call_uuid);
        expect(node.node_uuid).toMatch(UUID_V4);
        expect(Date.parse(node.started_at)).toBeGreaterThanOrEqual(Date.parse(call.started_at));
      }
      if (call.from_number !== null) expect(call.from_number_formatted).toBe(formatPhoneNumber(call.from_number));
      expect(call.to_number_formatted).toBe(formatPhoneNumber(call.to_number));
      if (call.status === 'answered' && call.answered_at && call.ended_at) {
        expect(call.talk_duration).toBe((Date.parse(call.ended_at) - Date.parse(call.answered_at)) / 1000);
      }
      if (call.direction === 'incoming' && call.status === 'answered') expect(call.answered_by).not.toBeNull();
      if (call.direction === 'outgoing') {
        expect(call.endpoint).toMatch(/^Employee#\d+$/);
        expect(call.from_number).toMatch(/^457199990\d$/);
      }
    }
  });

  it('renders Copenhagen offsets: +01:00 in winter, +02:00 in summer', () => {
    const winter = generateData(options()).calls.map((c) => c.call.started_at);
    expect(winter.every((t) => t.endsWith('+01:00'))).toBe(true);
    const summer = generateData(options({ now: new Date('2026-07-15T10:00:00Z') })).calls.map((c) => c.call.started_at);
    expect(summer.every((t) => t.endsWith('+02:00'))).toBe(true);
  });

  it('spreads calls over the past 30 days during working hours, with several earlier today', () => {
    const { calls } = generateData(options());
    const oldest = calls[calls.length - 1]?.startedAt ?? 0;
    expect(NOW.getTime() / 1000 - oldest).toBeLessThanOrEqual(31 * 86_400);
    const parts = calls.map((c) => wallTime(c.startedAt * 1000));
    expect(parts.filter((p) => p.year === 2026 && p.month === 11 && p.day === 27).length).toBeGreaterThanOrEqual(5);
    expect(parts.filter((p) => p.hour >= 7 && p.hour < 20).length).toBe(calls.length);
    const weekend = parts.filter((p) => p.weekday === 0 || p.weekday === 6).length;
    expect(weekend).toBeLessThan(calls.length / 5);
  });

  it('has a working day’s rhythm: a lunch dip, and more callers missed early in the morning', () => {
    const calls = generateData(options({ count: 6000 })).calls.map((c) => ({ call: c.call, wall: wallTime(c.startedAt * 1000) }));
    const weekday = calls.filter((c) => c.wall.weekday >= 1 && c.wall.weekday <= 5);
    const perHour = (hour: number) => weekday.filter((c) => c.wall.hour === hour).length;
    expect(perHour(12)).toBeLessThan(perHour(11) * 0.6);
    expect(perHour(12)).toBeLessThan(perHour(13) * 0.6);
    expect(perHour(10)).toBeGreaterThan(perHour(15));
    const missRate = (from: number, to: number) => {
      const incoming = calls.filter((c) => c.call.direction === 'incoming' && c.wall.hour >= from && c.wall.hour < to);
      return incoming.filter((c) => c.call.status !== 'answered').length / incoming.length;
    };
    expect(missRate(7, 9)).toBeGreaterThan(missRate(9, 17) + 0.1);
  });

  it('makes a 15,000-call month on request', () => {
    const { calls } = generateData(options({ count: 15_000 }));
    expect(calls).toHaveLength(15_000);
    expect(NOW.getTime() / 1000 - calls.at(-1)!.startedAt).toBeGreaterThan(25 * 86_400);
  });

  it('uses Danish names with æ, ø and å, unknown and foreign numbers, and hidden numbers', () => {
    const { calls, contacts } = generateData(options());
    const names = contacts.map((c) => c.name).join(' ');
    expect(names).toMatch(/æ/);
    expect(names).toMatch(/ø/);
    expect(names).toMatch(/[åÅ]/);
    const incoming = calls.map((c) => c.call).filter((c) => c.direction === 'incoming');
    expect(incoming.some((c) => c.from_contact === null && c.from_number?.startsWith('45'))).toBe(true);
    expect(incoming.some((c) => /^4[69]/.test(c.from_number ?? ''))).toBe(true);
    const hidden = incoming.filter((c) => c.from_number_hidden);
    expect(hidden.length).toBeGreaterThan(0);
    expect(hidden.every((c) => c.from_number === null || c.from_number === 'anonymous')).toBe(true);
    expect(calls.every((c) => c.call.from_number === null || /^\d+$|^anonymous$/.test(c.call.from_number))).toBe(true);
  });

  it('calls some missed callers back later and leaves others waiting', () => {
    const calls = generateData(options()).calls.map((c) => c.call);
    const missed = calls.filter((c) => c.direction === 'incoming' && c.status === 'missed' && !c.from_number_hidden);
    const calledBack = missed.filter((m) =>
      calls.some((c) => c.direction === 'outgoing' && c.to_number === m.from_number && Date.parse(c.started_at) > Date.parse(m.started_at)),
    );
    expect(calledBack.length).toBeGreaterThan(0);
    expect(calledBack.length).toBeLessThan(missed.length);
  });

  it('includes several calls that share one started_at second', () => {
    const perSecond = new Map<number, number>();
    for (const c of generateData(options()).calls) perSecond.set(c.startedAt, (perSecond.get(c.startedAt) ?? 0) + 1);
    expect([...perSecond.values()].filter((n) => n > 1).length).toBeGreaterThanOrEqual(2);
    expect(Math.max(...perSecond.values())).toBeGreaterThanOrEqual(3);
  });

  it('puts hostile names in contacts, endpoints and employees, and the exact img payload on the newest call', () => {
    const data = generateData(options({ hostileNames: true }));
    expect(data.calls[0]?.call.from_contact?.name).toBe(HOSTILE_IMG_NAME);
    const names = data.contacts.map((c) => c.name);
    expect(names).toContain('"><script>alert(1)</script>');
    expect(names).toContain('=HYPERLINK("http://x")');
    expect(names.some((n) => n.length > 200)).toBe(true);
    expect(data.receptions.some((r) => r.name.startsWith('='))).toBe(true);
    expect(data.employees.some((e) => e.name.includes('<script>'))).toBe(true);
    expect(data.employees.find((e) => e.id === 1)?.name).toBe('Mette Jensen');
    const boundaries = generateData(options({ hostileNames: true, dataset: 'boundaries' }));
    expect(boundaries.calls[0]?.call.from_contact?.name).toBe(HOSTILE_IMG_NAME);
  });
});

describe('boundaryLayout', () => {
  it('sums to the count, keeps bursts within 40, and never ends a burst exactly at a page of 30 or 100', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const sizes = boundaryLayout(createPrng(seed), 1000);
      expect(sizes.reduce((a, b) => a + b, 0)).toBe(1000);
      expect(Math.max(...sizes)).toBeLessThanOrEqual(40);
      let pos = 0;
      for (const size of sizes) {
        for (const boundary of [29, 99]) {
          if (boundary >= pos && boundary < pos + size) {
            expect(size).toBeGreaterThanOrEqual(5);
            expect(boundary).toBeLessThan(pos + size - 1);
          }
        }
        pos += size;
      }
    }
  });
});

describe('calls through an employee group', () => {
  it('route a reception that rings a group through the group: phase, then the group, then the people it rang', () => {
    const data = generateData(options({ count: 400 }));
    const groupEndpoints = new Set(data.employeeGroups.map((g) => g.endpoint));
    const through = data.calls.filter((s) => s.call.nodes.some((n) => n.node_type === 'employee_group'));
    expect(through.length).toBeGreaterThan(20);
    for (const { call } of through) {
      const types = call.nodes.map((n) => n.node_type);
      expect(types[0]).toBe('phase');
      expect(types[1]).toBe('employee_group');
      expect(types[2]).toBe('employee');
      const group = call.nodes[1]!;
      expect(groupEndpoints.has(group.endpoint)).toBe(true);
      expect(group.node_uuid).toMatch(UUID_V4);
      expect(group.answered_at).toBe(call.answered_at);
      expect(v.is(CallSchema, call)).toBe(true);
    }
    // `GET /calls?endpoint=EmployeeGroup#…` finds exactly the calls through that group.
    for (const endpoint of groupEndpoints) {
      const found = data.calls.filter((s) => matchesCall(s, { endpoint, limit: 100 }));
      expect(found.map((s) => s.call.call_uuid)).toEqual(through.filter((s) => s.call.nodes[1]!.endpoint === endpoint).map((s) => s.call.call_uuid));
    }
    // Calls to a reception without a group, and outgoing calls, have no group node.
    expect(data.calls.some((s) => s.call.direction === 'incoming' && !s.call.nodes.some((n) => n.node_type === 'employee_group'))).toBe(true);
  });
});
