import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { COMPANY_ID, generateData, OTHER_COMPANY_ID } from './data/index.ts';
import { parseRange } from './sound.ts';
import { apiRequest, NOW, obtainToken, sandboxPerFile } from './test-support.ts';

const FILE = readFileSync(new URL('./assets/voicemail.mp3', import.meta.url));
const SIZE = FILE.length;
const CALLS = 400;
const data = generateData({ count: CALLS, seed: 1, dataset: 'default', hostileNames: false, now: NOW });
const mine = data.voiceMails.find((s) => s.companyId === COMPANY_ID)?.voiceMail.id ?? 0;
const theirs = data.voiceMails.find((s) => s.companyId === OTHER_COMPANY_ID)?.voiceMail.id ?? 0;

const sandbox = sandboxPerFile({ calls: CALLS });
let token: string;
beforeAll(async () => {
  token = await obtainToken(sandbox.url);
});

const soundUrl = (id: number | string = mine): string => `${sandbox.url}/api/v1/voice_mails/${id}/sound`;

async function sound(headers: Record<string, string> = {}, url = soundUrl()): Promise<{ res: Response; bytes: Buffer }> {
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}`, ...headers } });
  return { res, bytes: Buffer.from(await res.arrayBuffer()) };
}

describe('GET /api/v1/voice_mails/:id/sound', () => {
  it('answers the whole MP3 with a Bearer token: 200, audio/mpeg, Accept-Ranges: bytes', async () => {
    const { res, bytes } = await sound();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('audio/mpeg');
    expect(res.headers.get('accept-ranges')).toBe('bytes');
    expect(res.headers.get('content-length')).toBe(String(SIZE));
    expect(bytes.equals(FILE)).toBe(true);
  });

  it('serves the URL the voice mail gives as its sound, as it is', async () => {
    const listed = await fetch(`${sandbox.url}/api/v2/voice_mails/${mine}`, { headers: { authorization: `Bearer ${token}` } });
    const { voice_mail } = (await listed.json()) as { voice_mail: { sound: { url: string } } };
    const { res, bytes } = await sound({}, voice_mail.sound.url);
    expect(res.status).toBe(200);
    expect(bytes.equals(FILE)).toBe(true);
  });

  it('refuses a request without a valid Bearer header with 401, a token in the query string included', async () => {
    for (const init of [{}, { headers: { authorization: 'Bearer unknown-token' } }]) {
      const res = await fetch(soundUrl(), init);
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: 'invalid_token' });
      expect(res.headers.get('www-authenticate')).toContain('Bearer error="invalid_token"');
    }
    const viaQuery = await fetch(`${soundUrl()}?access_token=${encodeURIComponent(token)}`);
    expect(viaQuery.status).toBe(401);
  });

  it('answers Range bytes=0-99 with 206, the right Content-Range and the first 100 bytes', async () => {
    const { res, bytes } = await sound({ range: 'bytes=0-99' });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe(`bytes 0-99/${SIZE}`);
    expect(res.headers.get('content-type')).toBe('audio/mpeg');
    expect(bytes.length).toBe(100);
    expect(bytes.equals(FILE.subarray(0, 100))).toBe(true);
  });

  it('answers an open-ended range with the rest of the file', async () => {
    const { res, bytes } = await sound({ range: 'bytes=1000-' });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe(`bytes 1000-${SIZE - 1}/${SIZE}`);
    expect(bytes.equals(FILE.subarray(1000))).toBe(true);
  });

  it('answers a suffix range with the file’s last bytes', async () => {
    const { res, bytes } = await sound({ range: 'bytes=-500' });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe(`bytes ${SIZE - 500}-${SIZE - 1}/${SIZE}`);
    expect(bytes.equals(FILE.subarray(SIZE - 500))).toBe(true);
  });

  it('cuts a range that runs past the end at the last byte', async () => {
    const { res, bytes } = await sound({ range: `bytes=${SIZE - 10}-${SIZE + 1000}` });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe(`bytes ${SIZE - 10}-${SIZE - 1}/${SIZE}`);
    expect(bytes.length).toBe(10);
  });

  it('answers a range that starts past the end with 416 and Content-Range bytes */size', async () => {
    for (const range of [`bytes=${SIZE}-`, `bytes=${SIZE + 5}-${SIZE + 10}`, 'bytes=-0']) {
      const { res, bytes } = await sound({ range });
      expect(res.status).toBe(416);
      expect(res.headers.get('content-range')).toBe(`bytes */${SIZE}`);
      expect(bytes.length).toBe(0);
    }
  });

  it('answers HEAD with the headers of the whole file and no body', async () => {
    const res = await fetch(soundUrl(), { method: 'HEAD', headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('audio/mpeg');
    expect(res.headers.get('content-length')).toBe(String(SIZE));
    expect((await res.arrayBuffer()).byteLength).toBe(0);
  });

  it('answers another company’s, an unknown and a deleted message with 404', async () => {
    for (const id of [theirs, 1, 'abc']) {
      const { res } = await sound({}, soundUrl(id));
      expect(res.status).toBe(404);
    }
    const other = data.voiceMails.filter((s) => s.companyId === COMPANY_ID)[1]?.voiceMail.id ?? 0;
    expect((await apiRequest(`${sandbox.url}/api/v2/voice_mails/${other}`, 'DELETE', { token })).status).toBe(200);
    expect((await sound({}, soundUrl(other))).res.status).toBe(404);
  });

  it('answers other methods with 405 and Allow: GET, HEAD, and other v1 paths with 404', async () => {
    const post = await apiRequest(soundUrl(), 'POST', { token });
    expect(post.status).toBe(405);
    expect(post.res.headers.get('allow')).toBe('GET, HEAD');
    expect((await apiRequest(`${sandbox.url}/api/v1/voice_mails`, 'GET', { token })).status).toBe(404);
  });
});

describe('parseRange', () => {
  it('reads one byte range of each form', () => {
    expect(parseRange('bytes=0-99', 1000)).toEqual({ kind: 'partial', start: 0, end: 99 });
    expect(parseRange('bytes=990-', 1000)).toEqual({ kind: 'partial', start: 990, end: 999 });
    expect(parseRange('bytes=-2000', 1000)).toEqual({ kind: 'partial', start: 0, end: 999 });
  });

  it('ignores what a server may ignore: no header, other units, malformed, reversed or several ranges', () => {
    for (const header of [undefined, 'items=0-1', 'bytes=abc', 'bytes=5-1', 'bytes=0-1,5-6', 'bytes=-']) {
      expect(parseRange(header, 1000)).toEqual({ kind: 'full' });
    }
  });

  it('finds a range unsatisfiable only when it starts past the end, or is an empty suffix', () => {
    expect(parseRange('bytes=1000-', 1000)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=-0', 1000)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=999-5000', 1000)).toEqual({ kind: 'partial', start: 999, end: 999 });
  });
});
