import { describe, expect, it } from 'vitest';
import { CALLS_PAGE_SRC, pageFiles, SIGNED_IN_HEADER_SRC, STATISTICS_PAGE_SRC, staticClosure, type Manifest } from './sizes.ts';

const manifest: Manifest = {
  'index.html': { file: 'assets/index.js', isEntry: true, css: ['assets/index.css'], dynamicImports: [CALLS_PAGE_SRC, 'src/details.tsx', SIGNED_IN_HEADER_SRC, STATISTICS_PAGE_SRC] },
  [SIGNED_IN_HEADER_SRC]: { file: 'assets/header.js', src: SIGNED_IN_HEADER_SRC, isDynamicEntry: true, imports: ['index.html', '_shared'] },
  _shared: { file: 'assets/shared.js', imports: ['index.html'], css: ['assets/shared.css'] },
  [CALLS_PAGE_SRC]: { file: 'assets/calls-page.js', src: CALLS_PAGE_SRC, isDynamicEntry: true, imports: ['index.html', '_shared'], dynamicImports: ['src/csv.ts'] },
  'src/details.tsx': { file: 'assets/details.js', src: 'src/details.tsx', isDynamicEntry: true, imports: ['_shared'] },
  'src/csv.ts': { file: 'assets/csv.js', src: 'src/csv.ts', isDynamicEntry: true, imports: ['_shared'] },
  [STATISTICS_PAGE_SRC]: { file: 'assets/statistics-page.js', src: STATISTICS_PAGE_SRC, isDynamicEntry: true, imports: ['index.html', '_shared', '_charts'], css: ['assets/statistics.css'] },
  _charts: { file: 'assets/charts.js' },
};

describe('staticClosure', () => {
  it('follows static imports transitively and each chunk once, but never dynamic imports', () => {
    expect(staticClosure(manifest, [CALLS_PAGE_SRC])).toEqual([CALLS_PAGE_SRC, 'index.html', '_shared']);
  });

  it('fails loudly on a chunk the manifest does not hold', () => {
    expect(() => staticClosure({ a: { file: 'a.js', imports: ['missing'] } }, ['a'])).toThrow(/missing/);
  });
});

describe('pageFiles', () => {
  it('counts the entry alone for the sign-in page and adds the lazy calls route and signed-in header with their imports for the calls page', () => {
    const pages = pageFiles(manifest);
    expect(pages.signIn).toEqual({ js: ['assets/index.js'], css: ['assets/index.css'] });
    expect(pages.calls).toEqual({
      js: ['assets/index.js', 'assets/calls-page.js', 'assets/shared.js', 'assets/header.js'],
      css: ['assets/index.css', 'assets/shared.css'],
    });
  });

  it('counts what the statistics route adds to a signed-in page: its own chunks, not the shared ones already loaded', () => {
    expect(pageFiles(manifest).statisticsAdded).toEqual({ js: ['assets/statistics-page.js', 'assets/charts.js'], css: ['assets/statistics.css'] });
  });

  it('says so when the calls route is no longer a chunk of its own', () => {
    const { [CALLS_PAGE_SRC]: _omitted, ...eager } = manifest;
    expect(() => pageFiles(eager)).toThrow(/still lazy/);
  });
});
