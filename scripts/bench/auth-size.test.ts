import type { Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { authEntrySource, modulesBySize } from './auth-size.ts';

describe('the auth code entry', () => {
  it('re-exports each module under a namespace of its own, so nothing is shaken off and no names clash', () => {
    expect(authEntrySource('/repo', ['web/src/a.ts', 'web/src/b.ts'])).toBe('export * as auth0 from "/repo/web/src/a.ts";\nexport * as auth1 from "/repo/web/src/b.ts";');
  });
});

describe('modulesBySize', () => {
  it('lists the modules of the bundle largest first, relative to the checkout, without those that add nothing', () => {
    const metafile = {
      inputs: {},
      outputs: {
        'out/stdin.js': {
          bytes: 3000,
          imports: [],
          exports: [],
          inputs: {
            '/repo/web/src/lib/fetch-json.ts': { bytesInOutput: 1239 },
            '/repo/web/src/features/auth/model/complete-sign-in.ts': { bytesInOutput: 1432 },
            '/repo/common/types.ts': { bytesInOutput: 0 },
          },
        },
      },
    } as unknown as Metafile;
    expect(modulesBySize(metafile, '/repo')).toEqual([
      { path: 'web/src/features/auth/model/complete-sign-in.ts', bytes: 1432 },
      { path: 'web/src/lib/fetch-json.ts', bytes: 1239 },
    ]);
  });
});
