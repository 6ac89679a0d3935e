/**
 * Property tests for the sound URL check (`soundTarget`): whatever string comes in, an accepted one is exactly
 * Firmafon's origin followed by a voicemail sound path, so the token can only ever travel there.
 */
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { soundTarget } from './voicemail-sound.ts';

const FIRMAFONS = ['https://app.firmafon.dk', 'http://127.0.0.1:8787', 'http://localhost:3000'] as const;
const SOUND_PATH = /^\/api\/v[12]\/voice_mails\/\d{1,18}\/sound$/;

const firmafon = fc.constantFrom(...FIRMAFONS);
const soundPath = fc.tuple(fc.constantFrom('v1', 'v2'), fc.stringMatching(/^\d{1,18}$/)).map(([version, id]) => `/api/${version}/voice_mails/${id}/sound`);

/** Characters and pieces that URL parsers treat specially. */
const tricky = fc.constantFrom('@', ':', '/', '\\', '?', '#', '%2F', '%2f', '%2e', '.', '..', '/..', '%40', ' ', '\t', '\n', '%00', 'evil.example', '//', ';', '[', ']', 'HTTP', 'A', '0', '9', '', 'https://', 'http://');

/** A valid sound URL with a few tricky pieces spliced in at random places. */
const mutated = fc.tuple(firmafon, soundPath, fc.array(fc.tuple(fc.nat(), tricky), { minLength: 1, maxLength: 4 })).map(([origin, path, edits]) => {
  let url = `${origin}${path}`;
  for (const [at, piece] of edits) {
    const i = at % (url.length + 1);
    url = url.slice(0, i) + piece + url.slice(i);
  }
  return { origin, url };
});

/** What must hold for anything accepted: it is the origin plus a sound path, and parses back to exactly that. */
function isFirmafonSound(accepted: string, origin: string): boolean {
  const url = new URL(accepted);
  return url.origin === origin && url.username === '' && url.password === '' && url.search === '' && url.hash === '' && SOUND_PATH.test(url.pathname) && url.href === accepted;
}

describe('soundTarget', () => {
  it("accepts every v1 and v2 sound URL on Firmafon's origin, unchanged", () => {
    fc.assert(
      fc.property(firmafon, soundPath, (origin, path) => {
        const result = soundTarget(`${origin}${path}`, origin);
        expect(result).toEqual({ ok: true, value: `${origin}${path}` });
      }),
    );
  });

  it('accepts a mutated URL only when it is still exactly a sound URL on the same origin', () => {
    fc.assert(
      fc.property(mutated, ({ origin, url }) => {
        const result = soundTarget(url, origin);
        if (result.ok) expect(isFirmafonSound(result.value, origin)).toBe(true);
        else expect(result.failure.status).toBe(400);
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts nothing from another of the configured origins', () => {
    fc.assert(
      fc.property(firmafon, firmafon, soundPath, (configured, other, path) => {
        fc.pre(configured !== other);
        expect(soundTarget(`${other}${path}`, configured).ok).toBe(false);
      }),
    );
  });

  it('refuses arbitrary strings unless they are a sound URL on the origin', () => {
    fc.assert(
      fc.property(firmafon, fc.oneof(fc.string(), fc.webUrl({ withQueryParameters: true, withFragments: true })), (origin, raw) => {
        const result = soundTarget(raw, origin);
        if (result.ok) expect(isFirmafonSound(result.value, origin)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('compares against the origin of FIRMAFON_URL, so a default port written out does not widen it', () => {
    expect(soundTarget('https://app.firmafon.dk/api/v1/voice_mails/1/sound', 'https://app.firmafon.dk:443').ok).toBe(true);
    expect(soundTarget('https://app.firmafon.dk:443/api/v1/voice_mails/1/sound', 'https://app.firmafon.dk').ok).toBe(false);
  });

  it('refuses the http form of an https FIRMAFON_URL: the token never travels in clear text', () => {
    expect(soundTarget('http://app.firmafon.dk/api/v1/voice_mails/302667/sound', 'https://app.firmafon.dk').ok).toBe(false);
  });
});
