import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMPANY_ID, generateData, OTHER_COMPANY_ID, VOICE_MAIL_SECONDS, type GenerateOptions } from './index.ts';

const NOW = new Date('2026-11-27T13:30:00Z');
const options = (extra: Partial<GenerateOptions> = {}): GenerateOptions => ({
  count: 1000,
  seed: 3,
  dataset: 'default',
  hostileNames: false,
  now: NOW,
  ...extra,
});
const ownOf = (data: ReturnType<typeof generateData>) => data.voiceMails.filter((s) => s.companyId === COMPANY_ID);

describe('generated voice mails', () => {
  it('are equal for equal options and differ for another seed', () => {
    expect(JSON.stringify(generateData(options()).voiceMails)).toBe(JSON.stringify(generateData(options()).voiceMails));
    expect(JSON.stringify(generateData(options({ seed: 4 })).voiceMails)).not.toBe(JSON.stringify(generateData(options()).voiceMails));
  });

  it('come from most calls that ended in the voicemail, with the caller and reception of the call', () => {
    const data = generateData(options());
    const voicemailCalls = data.calls.map((s) => s.call).filter((c) => c.status === 'voicemail');
    const own = ownOf(data);
    expect(own.length).toBeGreaterThan(voicemailCalls.length / 2);
    expect(own.length).toBeLessThanOrEqual(voicemailCalls.length);
    for (const { voiceMail } of own) {
      const call = voicemailCalls.find((c) => c.from_number === voiceMail.from_number && c.endpoint === voiceMail.endpoint);
      expect(call).toBeDefined();
      expect(voiceMail.from_contact).toEqual(call?.from_contact);
      expect(voiceMail.endpoint).toMatch(/^Reception#\d+$/);
      expect(voiceMail.endpoint_name).toBe(data.receptions.find((r) => r.endpoint === voiceMail.endpoint)?.name);
      expect(voiceMail.duration).toBe(VOICE_MAIL_SECONDS);
      expect(voiceMail.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+01:00$/);
      expect(Date.parse(voiceMail.created_at)).toBeLessThan(NOW.getTime());
    }
  });

  it('are newest first with whole-number ids that grow with time, some sharing one second', () => {
    const { voiceMails } = generateData(options());
    const keys = voiceMails.map((s) => [s.createdAt, s.voiceMail.id] as const);
    expect(keys).toEqual([...keys].sort((a, b) => b[0] - a[0] || b[1] - a[1]));
    expect(voiceMails.every((s) => Number.isInteger(s.voiceMail.id) && Date.parse(s.voiceMail.created_at) === s.createdAt * 1000)).toBe(true);
    const ids = voiceMails.map((s) => s.voiceMail.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const perSecond = new Map<number, number>();
    for (const s of ownOf(generateData(options({ count: 250, seed: 1 })))) perSecond.set(s.createdAt, (perSecond.get(s.createdAt) ?? 0) + 1);
    expect(Math.max(...perSecond.values())).toBeGreaterThanOrEqual(3);
  });

  it('leaves the newest and a few other recent messages unheard, and most older ones heard', () => {
    const own = ownOf(generateData(options()));
    expect(own[0]?.voiceMail.heard).toBe(false);
    const older = own.filter((s) => NOW.getTime() / 1000 - s.createdAt > 2 * 86_400);
    expect(older.filter((s) => s.voiceMail.heard).length).toBeGreaterThan(older.length * 0.8);
    expect(own.filter((s) => !s.voiceMail.heard).length).toBeLessThan(own.length / 2);
  });

  it('keep a few of another company’s messages in the id sequence', () => {
    const others = generateData(options()).voiceMails.filter((s) => s.companyId === OTHER_COMPANY_ID);
    expect(others.length).toBeGreaterThan(0);
  });

  it('change nothing else: employees gain has_switch (Mette has a switch, Lars has not) and dnd_timeout_at last', () => {
    const { employees } = generateData(options({ count: 10 }));
    expect(employees.find((e) => e.id === 1)).toMatchObject({ name: 'Mette Jensen', has_switch: true });
    expect(employees.find((e) => e.id === 2)).toMatchObject({ name: 'Lars Nielsen', has_switch: false });
    expect(employees.every((e) => Object.keys(e).slice(-2).join() === 'has_switch,dnd_timeout_at')).toBe(true);
  });
});

/** MPEG-1/2/2.5 Layer III frames, header by header (ISO 11172-3 §2.4.2.3): how many, and how long they play. */
function mp3Frames(bytes: Buffer): { frames: number; seconds: number; frameSeconds: number } {
  const bitrates = {
    v1: [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
    v2: [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
  };
  const rates: Record<number, number[]> = { 3: [44100, 48000, 32000], 2: [22050, 24000, 16000], 0: [11025, 12000, 8000] };
  let offset = 0;
  let frames = 0;
  let samples = 0;
  let sampleRate = 0;
  let perFrame = 0;
  while (offset + 4 <= bytes.length) {
    const header = bytes.readUInt32BE(offset);
    if (header >>> 21 !== 0x7ff) throw new Error(`no frame sync at byte ${offset}`);
    const version = (header >>> 19) & 3;
    const layer = (header >>> 17) & 3;
    if (layer !== 1) throw new Error(`not Layer III at byte ${offset}`);
    const kbps = (version === 3 ? bitrates.v1 : bitrates.v2)[(header >>> 12) & 15] ?? 0;
    sampleRate = rates[version]?.[(header >>> 10) & 3] ?? 0;
    if (kbps === 0 || sampleRate === 0) throw new Error(`bad frame header at byte ${offset}`);
    perFrame = version === 3 ? 1152 : 576;
    offset += Math.floor(((perFrame / 8) * kbps * 1000) / sampleRate) + ((header >>> 9) & 1);
    frames += 1;
    samples += perFrame;
  }
  if (offset !== bytes.length) throw new Error('trailing bytes after the last frame');
  return { frames, seconds: samples / sampleRate, frameSeconds: perFrame / sampleRate };
}

describe('the voice mail recording (sandbox/assets/voicemail.mp3)', () => {
  const bytes = readFileSync(new URL('../assets/voicemail.mp3', import.meta.url));

  it('is a small MP3 made only of MPEG audio Layer III frames', () => {
    expect(bytes.length).toBeGreaterThan(2_000);
    expect(bytes.length).toBeLessThan(100_000);
    expect(mp3Frames(bytes).frames).toBeGreaterThan(100);
  });

  it('plays as long as every voice mail says, to the second', () => {
    // The first frame is LAME's Info tag, silent; the encoder's delay and padding are well under a second.
    const { seconds, frameSeconds } = mp3Frames(bytes);
    expect(Math.round(seconds - frameSeconds)).toBe(VOICE_MAIL_SECONDS);
  });
});
