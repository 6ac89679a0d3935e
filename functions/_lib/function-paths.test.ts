import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONFIG_PATH, PROXY_PREFIX, RELAY_PATH, RELAY_STATE_PATH, TOKEN_PATH, VOICEMAIL_SOUND_PATH } from '../../common/routes.ts';
import { config as configFunction } from '../config.ts';
import { config as proxyFunction } from '../firmafon-proxy.ts';
import { config as relayStateFunction } from '../relay-state.ts';
import { config as relayFunction } from '../relay.ts';
import { config as tokenFunction } from '../token.ts';
import { config as voicemailSoundFunction } from '../voicemail-sound.ts';

// Netlify finds a function's path by reading `export const config` statically: an imported constant or a
// template string there is silently ignored and the function is never routed. So the paths are literals,
// and this test keeps them equal to the shared constants the SPA uses.
const entries = [
  { file: 'config.ts', config: configFunction, expected: CONFIG_PATH },
  { file: 'token.ts', config: tokenFunction, expected: TOKEN_PATH },
  { file: 'firmafon-proxy.ts', config: proxyFunction, expected: `${PROXY_PREFIX}/*` },
  { file: 'relay-state.ts', config: relayStateFunction, expected: RELAY_STATE_PATH },
  { file: 'relay.ts', config: relayFunction, expected: RELAY_PATH },
  { file: 'voicemail-sound.ts', config: voicemailSoundFunction, expected: VOICEMAIL_SOUND_PATH },
];

describe('function paths', () => {
  it.each(entries)('$file is served at the shared path, written as a string literal', ({ file, config, expected }) => {
    expect(config.path).toBe(expected);
    const source = readFileSync(new URL(`../${file}`, import.meta.url), 'utf8');
    expect(source).toContain(`path: '${expected}'`);
  });
});

describe('entry files', () => {
  it('every top-level function file is listed above (each one deploys as a function)', () => {
    const files = readdirSync(new URL('..', import.meta.url)).filter((name) => name.endsWith('.ts'));
    expect(files.sort()).toEqual(entries.map((entry) => entry.file).sort());
  });
});
