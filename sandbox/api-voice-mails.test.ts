import { request } from 'node:http';
import * as v from 'valibot';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sandboxControl } from './client.ts';
import { COMPANY_ID, generateData, OTHER_COMPANY_ID, VOICE_MAIL_SECONDS } from './data/index.ts';
import { apiRequest, getJson, NOW, obtainToken, sandboxPerFile, startTestSandbox, type WriteInit } from './test-support.ts';

const CALLS = 1000;
const SEED = 3;
const data = generateData({ count: CALLS, seed: SEED, dataset: 'default', hostileNames: false, now: NOW });
const own = data.voiceMails.filter((s) => s.companyId === COMPANY_ID);
const foreign = data.voiceMails.find((s) => s.companyId === OTHER_COMPANY_ID);

const ContactSchema = v.strictObject({ id: v.number(), number: v.string(), name: v.string(), email: v.nullable(v.string()) });
const VoiceMailSchema = v.strictObject({
  id: v.pipe(v.number(), v.integer()),
  created_at: v.string(),
  heard: v.boolean(),
  duration: v.number(),
  from_number: v.nullable(v.string()),
  from_contact: v.nullable(ContactSchema),
  endpoint: v.string(),
  endpoint_name: v.string(),
  sound: v.strictObject({ formats: v.array(v.string()), url: v.string() }),
});
type VoiceMail = v.InferOutput<typeof VoiceMailSchema>;
const ListSchema = v.strictObject({ voice_mails: v.array(VoiceMailSchema) });
const OneSchema = v.strictObject({ voice_mail: VoiceMailSchema });

const sandbox = sandboxPerFile({ calls: CALLS, seed: SEED });
let token: string;
beforeAll(async () => {
  token = await obtainToken(sandbox.url);
});

async function list(query = ''): Promise<VoiceMail[]> {
  const { status, body } = await getJson(`${sandbox.url}/api/v2/voice_mails${query}`, token);
  expect(status).toBe(200);
  return v.parse(ListSchema, body).voice_mails;
}

const seconds = (iso: string): number => Math.floor(Date.parse(iso) / 1000);

describe('GET /api/v2/voice_mails', () => {
  it('returns 30 of the company’s messages by default, newest first, in Firmafon’s shape', async () => {
    const page = await list();
    expect(page).toHaveLength(30);
    expect(page.map((m) => m.id)).toEqual(own.slice(0, 30).map((s) => s.voiceMail.id));
    for (const message of page) {
      expect(message.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+01:00$/);
      expect(message.duration).toBe(VOICE_MAIL_SECONDS);
      expect(message.sound).toEqual({ formats: ['audio/mpeg'], url: `${sandbox.url}/api/v1/voice_mails/${message.id}/sound` });
    }
  });

  it('builds the sound URL from the server’s own address, whatever Host the client sends', async () => {
    // fetch will not send a Host of its choosing; node:http will.
    const text = await new Promise<string>((resolve, reject) => {
      const req = request(`${sandbox.url}/api/v2/voice_mails?limit=1`, { headers: { authorization: `Bearer ${token}`, host: 'evil.example' } }, (res) => {
        let out = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (out += chunk));
        res.on('end', () => resolve(out));
      });
      req.on('error', reject);
      req.end();
    });
    const [message] = v.parse(ListSchema, JSON.parse(text)).voice_mails;
    expect(message?.sound.url).toBe(`${sandbox.url}/api/v1/voice_mails/${message?.id}/sound`);
  });

  it('on a wildcard host, builds the sound URL from the address the request reached', async () => {
    const wide = await startTestSandbox({ host: '0.0.0.0', calls: CALLS, seed: SEED });
    try {
      const port = new URL(wide.url).port;
      const wideToken = await obtainToken(`http://127.0.0.1:${port}`);
      const { body } = await getJson(`http://127.0.0.1:${port}/api/v2/voice_mails?limit=1`, wideToken);
      const [message] = v.parse(ListSchema, body).voice_mails;
      expect(message?.sound.url).toBe(`http://127.0.0.1:${port}/api/v1/voice_mails/${message?.id}/sound`);
    } finally {
      await wide.close();
    }
  });

  it('honours a smaller limit, clamps a larger one at 100 and refuses a bad one with 400', async () => {
    expect(await list('?limit=3')).toHaveLength(3);
    expect(await list('?limit=1000')).toHaveLength(Math.min(100, own.length));
    for (const limit of ['abc', '0', '-1', '2.5']) {
      const { status, body } = await getJson(`${sandbox.url}/api/v2/voice_mails?limit=${limit}`, token);
      expect(status).toBe(400);
      expect(body).toMatchObject({ status: 400, message: expect.any(String) });
    }
  });

  it('pages to the end with the inclusive created_at_lt_or_eq, seeing every message exactly once across shared seconds', async () => {
    const perSecond = new Map<number, number>();
    for (const s of own) perSecond.set(s.createdAt, (perSecond.get(s.createdAt) ?? 0) + 1);
    expect(Math.max(...perSecond.values())).toBeGreaterThanOrEqual(3);
    const limit = 5;
    expect(Math.max(...perSecond.values())).toBeLessThan(limit);

    const seen = new Map<number, VoiceMail>();
    let deliveries = 0;
    let bound: string | undefined;
    for (let pages = 0; ; pages++) {
      if (pages > own.length) throw new Error('runaway paging');
      const page = await list(`?limit=${limit}${bound ? `&created_at_lt_or_eq=${encodeURIComponent(bound)}` : ''}`);
      deliveries += page.length;
      for (const message of page) if (!seen.has(message.id)) seen.set(message.id, message);
      if (page.length < limit) break;
      bound = page[page.length - 1]?.created_at;
    }
    expect([...seen.keys()]).toEqual(own.map((s) => s.voiceMail.id));
    expect(deliveries).toBeGreaterThan(own.length);
  });

  it('reads created_at_lt_or_eq inclusively in any offset, and refuses an unencoded + with 400', async () => {
    const pivot = own[10];
    if (!pivot) throw new Error('no pivot');
    const utc = new Date(pivot.createdAt * 1000).toISOString().replace('.000', '');
    for (const bound of [pivot.voiceMail.created_at, utc]) {
      const older = await list(`?limit=100&created_at_lt_or_eq=${encodeURIComponent(bound)}`);
      expect(older.some((m) => m.id === pivot.voiceMail.id)).toBe(true);
      expect(older.every((m) => seconds(m.created_at) <= pivot.createdAt)).toBe(true);
    }
    for (const value of ['yesterday', pivot.voiceMail.created_at.replace('+', ' ')]) {
      const { status } = await getJson(`${sandbox.url}/api/v2/voice_mails?created_at_lt_or_eq=${encodeURIComponent(value)}`, token);
      expect(status).toBe(400);
    }
  });

  it('filters by endpoint and by the caller’s number', async () => {
    const support = await list('?limit=100&endpoint=Reception%232');
    expect(support.map((m) => m.id)).toEqual(own.filter((s) => s.voiceMail.endpoint === 'Reception#2').map((s) => s.voiceMail.id));
    expect(support.length).toBeGreaterThan(0);
    const number = own.find((s) => s.voiceMail.from_number !== null && s.voiceMail.from_number !== 'anonymous')?.voiceMail.from_number ?? '';
    const fromCaller = await list(`?limit=100&number=${number}`);
    expect(fromCaller.length).toBeGreaterThan(0);
    expect(fromCaller.map((m) => m.id)).toEqual(own.filter((s) => s.voiceMail.from_number === number).map((s) => s.voiceMail.id));
  });

  it('shows no other company’s messages', async () => {
    const everything = await list('?limit=100');
    expect(foreign).toBeDefined();
    expect(everything.some((m) => m.id === foreign?.voiceMail.id)).toBe(false);
  });
});

describe('GET, PUT and DELETE /api/v2/voice_mails/:id', () => {
  beforeEach(async () => {
    await sandboxControl(sandbox.url).reset();
    token = await obtainToken(sandbox.url);
  });

  const url = (id: number | string): string => `${sandbox.url}/api/v2/voice_mails/${id}`;
  const first = (): number => own[0]?.voiceMail.id ?? 0;

  it('returns one message by its id', async () => {
    const { status, body } = await getJson(url(first()), token);
    expect(status).toBe(200);
    expect(v.parse(OneSchema, body).voice_mail).toEqual((await list('?limit=1'))[0]);
  });

  it('answers an unknown id, another company’s id and a non-number with 404 { status, message }', async () => {
    for (const id of [1, foreign?.voiceMail.id ?? 0, 'abc']) {
      for (const method of ['GET', 'PUT', 'DELETE']) {
        const { status, body } = await apiRequest(url(id), method, { token, form: { 'voice_mail[heard]': 'true' } });
        expect(status).toBe(404);
        expect(body).toEqual({ status: 404, message: 'Not found' });
      }
    }
  });

  it('marks a message heard and unheard with a form-encoded voice_mail[heard], visible in later reads', async () => {
    const id = first();
    const heard = await apiRequest(url(id), 'PUT', { token, form: { 'voice_mail[heard]': 'true' } });
    expect(heard.status).toBe(200);
    expect(v.parse(OneSchema, heard.body).voice_mail).toMatchObject({ id, heard: true });
    expect(v.parse(OneSchema, (await getJson(url(id), token)).body).voice_mail.heard).toBe(true);
    expect((await list('?limit=1'))[0]).toMatchObject({ id, heard: true });

    const unheard = await apiRequest(url(id), 'PUT', { token, form: { 'voice_mail[heard]': 'false' } });
    expect(v.parse(OneSchema, unheard.body).voice_mail.heard).toBe(false);
    expect(v.parse(OneSchema, (await getJson(url(id), token)).body).voice_mail.heard).toBe(false);
  });

  it('also takes a JSON body { voice_mail: { heard } }', async () => {
    const id = first();
    const { status, body } = await apiRequest(url(id), 'PUT', { token, json: { voice_mail: { heard: true } } });
    expect(status).toBe(200);
    expect(v.parse(OneSchema, body).voice_mail.heard).toBe(true);
  });

  it('refuses a missing or invalid heard with 400 and changes nothing', async () => {
    const id = first();
    const inits: Array<Omit<WriteInit, 'token'>> = [{}, { form: {} }, { form: { 'voice_mail[heard]': 'yes' } }, { form: { heard: 'true' } }, { json: { voice_mail: { heard: 'maybe' } } }];
    for (const init of inits) {
      const { status, body } = await apiRequest(url(id), 'PUT', { token, ...init });
      expect(status).toBe(400);
      expect(body).toMatchObject({ status: 400, message: expect.any(String) });
    }
    expect(v.parse(OneSchema, (await getJson(url(id), token)).body).voice_mail.heard).toBe(false);
  });

  it('deletes a message: 200 {}, then 404 and gone from the list', async () => {
    const id = first();
    const deleted = await apiRequest(url(id), 'DELETE', { token });
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({});
    expect((await getJson(url(id), token)).status).toBe(404);
    expect((await apiRequest(url(id), 'DELETE', { token })).status).toBe(404);
    expect((await list('?limit=100')).some((m) => m.id === id)).toBe(false);
  });

  it('answers reads and writes without a valid token with 401 invalid_token and changes nothing', async () => {
    const id = first();
    for (const t of [undefined, 'unknown-token']) {
      for (const [method, path] of [['GET', `${sandbox.url}/api/v2/voice_mails`], ['GET', url(id)], ['PUT', url(id)], ['DELETE', url(id)]] as const) {
        const { status, body, res } = await apiRequest(path, method, { token: t, form: { 'voice_mail[heard]': 'true' } });
        expect(status).toBe(401);
        expect(body).toMatchObject({ error: 'invalid_token' });
        expect(res.headers.get('www-authenticate')).toContain('Bearer error="invalid_token"');
      }
    }
    expect(v.parse(OneSchema, (await getJson(url(id), token)).body).voice_mail.heard).toBe(false);
  });

  it('answers other methods with 405 and the allowed ones', async () => {
    const collection = await apiRequest(`${sandbox.url}/api/v2/voice_mails`, 'POST', { token });
    expect(collection.status).toBe(405);
    expect(collection.res.headers.get('allow')).toBe('GET');
    const one = await apiRequest(url(first()), 'PATCH', { token, form: { 'voice_mail[heard]': 'true' } });
    expect(one.status).toBe(405);
    expect(one.res.headers.get('allow')).toBe('GET, PUT, DELETE');
  });

  it('logs writes like reads: path without query, and the status', async () => {
    const id = first();
    await apiRequest(`${url(id)}?x=1`, 'PUT', { token, form: { 'voice_mail[heard]': 'true' } });
    await apiRequest(url(id), 'DELETE', { token });
    const { apiRequests } = await sandboxControl(sandbox.url).log();
    expect(apiRequests.map((r) => [r.path, r.authVia, r.status])).toEqual([
      [`/api/v2/voice_mails/${id}`, 'header', 200],
      [`/api/v2/voice_mails/${id}`, 'header', 200],
    ]);
  });
});
