import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONFIG_PATH, PROXY_PREFIX, TOKEN_PATH } from '../../common/routes.ts';
import { config as configFunction } from '../config.ts';
import { config as proxyFunction } from '../firmafon-proxy.ts';
import { config as tokenFunction } from '../token.ts';

// Netlify finds a function's path by reading `export const config` statically: an imported constant or a
// template string there is silently ignored and the function is never routed. So the paths are literals,
// and this test keeps them equal to the shared constants the SPA uses.
const entries = [
  { file: 'config.ts', config: configFunction, expected: CONFIG_PATH },
  { file: 'token.ts', config: tokenFunction, expected: TOKEN_PATH },
  { file: 'firmafon-proxy.ts', config: proxyFunction, expected: `${PROXY_PREFIX}/*` },
];

describe('function paths', () => {
  it.each(entries)('$file is served at the shared path, written as a string literal', ({ file, config, expected }) => {
    expect(config.path).toBe(expected);
    const source = readFileSync(new URL(`../${file}`, import.meta.url), 'utf8');
    expect(source).toContain(`path: '${expected}'`);
  });
});
