import { describe, expect, it } from 'vitest';
import {
  APP_CHUNK_NAME,
  CALLBACK_CHUNK_NAME,
  CALLS_PAGE_SRC,
  chunkProblems,
  pageFiles,
  SIGNED_IN_HEADER_SRC,
  STATISTICS_PAGE_SRC,
  staticClosure,
  TEAM_PAGE_SRC,
  type Manifest,
} from './sizes.ts';

const APP = '_app-1a2b3c.js';

// The first script (index.html's entry) loads the app lazily; the app loads the pages and the signed-in header.
const manifest: Manifest = {
  'index.html': { file: 'assets/boot.js', name: 'index', isEntry: true, imports: ['_auth'], dynamicImports: [APP, 'src/callback.ts'] },
  _auth: { file: 'assets/auth.js' },
  [APP]: {
    file: 'assets/app.js',
    name: APP_CHUNK_NAME,
    imports: ['index.html'],
    css: ['assets/app.css'],
    dynamicImports: [CALLS_PAGE_SRC, 'src/details.tsx', SIGNED_IN_HEADER_SRC, STATISTICS_PAGE_SRC, TEAM_PAGE_SRC],
  },
  'src/callback.ts': { file: 'assets/callback.js', name: CALLBACK_CHUNK_NAME, src: 'src/callback.ts', isDynamicEntry: true, imports: ['index.html'] },
  [SIGNED_IN_HEADER_SRC]: { file: 'assets/header.js', src: SIGNED_IN_HEADER_SRC, isDynamicEntry: true, imports: [APP, '_shared'] },
  _shared: { file: 'assets/shared.js', imports: [APP], css: ['assets/shared.css'] },
  [CALLS_PAGE_SRC]: { file: 'assets/calls-page.js', src: CALLS_PAGE_SRC, isDynamicEntry: true, imports: [APP, '_shared'], dynamicImports: ['src/csv.ts'] },
  'src/details.tsx': { file: 'assets/details.js', src: 'src/details.tsx', isDynamicEntry: true, imports: ['_shared'] },
  'src/csv.ts': { file: 'assets/csv.js', src: 'src/csv.ts', isDynamicEntry: true, imports: ['_shared'] },
  [STATISTICS_PAGE_SRC]: { file: 'assets/statistics-page.js', src: STATISTICS_PAGE_SRC, isDynamicEntry: true, imports: [APP, '_shared', '_charts'], css: ['assets/statistics.css'] },
  _charts: { file: 'assets/charts.js' },
  [TEAM_PAGE_SRC]: { file: 'assets/team-page.js', src: TEAM_PAGE_SRC, isDynamicEntry: true, imports: [APP, '_shared', '_live'], css: ['assets/team.css'] },
  _live: { file: 'assets/live.js', imports: [APP] },
};

describe('staticClosure', () => {
  it('follows static imports transitively and each chunk once, but never dynamic imports', () => {
    expect(staticClosure(manifest, [CALLS_PAGE_SRC])).toEqual([CALLS_PAGE_SRC, APP, 'index.html', '_auth', '_shared']);
  });

  it('fails loudly on a chunk the manifest does not hold', () => {
    expect(() => staticClosure({ a: { file: 'a.js', imports: ['missing'] } }, ['a'])).toThrow(/missing/);
  });
});

describe('pageFiles', () => {
  it('counts the first script before the redirect, adds the app for the sign-in page, and the calls route and header for the calls page', () => {
    const pages = pageFiles(manifest);
    expect(pages.beforeRedirect).toEqual({ js: ['assets/boot.js', 'assets/auth.js'], css: [] });
    expect(pages.signIn).toEqual({ js: ['assets/boot.js', 'assets/auth.js', 'assets/app.js'], css: ['assets/app.css'] });
    expect(pages.calls).toEqual({
      js: ['assets/boot.js', 'assets/auth.js', 'assets/app.js', 'assets/calls-page.js', 'assets/shared.js', 'assets/header.js'],
      css: ['assets/app.css', 'assets/shared.css'],
    });
  });

  it('counts what the statistics route adds to a signed-in page: its own chunks, not the shared ones already loaded', () => {
    expect(pageFiles(manifest).statisticsAdded).toEqual({ js: ['assets/statistics-page.js', 'assets/charts.js'], css: ['assets/statistics.css'] });
  });

  it('counts what the team route adds to a signed-in page, and what it adds after the calls page loaded the chunks they share', () => {
    const calls = manifest[CALLS_PAGE_SRC];
    const sharingLiveCalls: Manifest = { ...manifest, ...(calls ? { [CALLS_PAGE_SRC]: { ...calls, imports: [...(calls.imports ?? []), '_live'] } } : {}) };
    const pages = pageFiles(sharingLiveCalls);
    expect(pages.teamAdded).toEqual({ js: ['assets/team-page.js', 'assets/live.js'], css: ['assets/team.css'] });
    expect(pages.teamAfterCalls).toEqual({ js: ['assets/team-page.js'], css: ['assets/team.css'] });
  });

  it('says so when the app or the calls route is no longer a chunk of its own', () => {
    const { [CALLS_PAGE_SRC]: _calls, ...eagerCalls } = manifest;
    expect(() => pageFiles(eagerCalls)).toThrow(/still lazy/);
    const { [APP]: _app, ...eagerApp } = manifest;
    expect(() => pageFiles(eagerApp)).toThrow(/app lazily/);
  });
});

describe('chunkProblems', () => {
  it('finds none when the redemption and the app only share the first script', () => {
    expect(chunkProblems(manifest)).toEqual([]);
  });

  it('says when the redemption would wait for the app, or the sign-in page would carry it', () => {
    const waits: Manifest = { ...manifest, 'src/callback.ts': { ...manifest['src/callback.ts']!, imports: ['index.html', APP] } };
    expect(chunkProblems(waits)).toEqual([expect.stringMatching(/wait for the app/)]);
    const carries: Manifest = { ...manifest, [APP]: { ...manifest[APP]!, imports: ['index.html', 'src/callback.ts'] } };
    expect(chunkProblems(carries)).toEqual([expect.stringMatching(/sign-in page carries/)]);
  });
});
