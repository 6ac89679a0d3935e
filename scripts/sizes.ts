/**
 * Measures what browsers and Netlify really get: the SPA as `vite build` emits it (read through Vite's build
 * manifest, so each page counts exactly the chunks it loads) and each function bundled the way Netlify's
 * esbuild bundler does it. Shared by `npm run check:size` (which owns the budgets) and `npm run bench` (report).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** One entry of `.vite/manifest.json` (only the fields used here). */
export interface ManifestChunk {
  file: string;
  name?: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
export type Manifest = Record<string, ManifestChunk>;

/** The lazy route module of the calls page, as the manifest names it (relative to web/). */
export const CALLS_PAGE_SRC = 'src/features/calls/pages/calls-page.tsx';

/**
 * The chunk of the app (src/main.tsx: React and everything under it), which the first script (src/boot.ts, the
 * entry) loads when it stays: the `app` group of vite.config.ts's codeSplitting.
 */
export const APP_CHUNK_NAME = 'app';

/** The lazy route module of the statistics page (its charts load with it). */
export const STATISTICS_PAGE_SRC = 'src/features/statistics/pages/statistics-page.tsx';

/** The lazy route module of the team board (/team). */
export const TEAM_PAGE_SRC = 'src/features/team/pages/team-page.tsx';

/**
 * The Faye client's browser build (web/src/lib/faye.ts): an asset the app adds as a <script> when it first subscribes
 * to live updates, so it is in no chunk's imports.
 */
export const FAYE_CLIENT_FILE = /^faye-browser-min-[\w-]+\.js$/;

/** The header's signed-in part (name, sign out, navigation), loaded lazily on every signed-in page. */
export const SIGNED_IN_HEADER_SRC = 'src/app/layout/signed-in-header.tsx';

/** 1 KB = 1,000 bytes, as Vite and size-limit print sizes. */
export const KB = 1000;

export interface FileSize {
  file: string;
  bytes: number;
  gzip: number;
}

export interface PageSize {
  files: FileSize[];
  bytes: number;
  gzip: number;
}

export interface SpaSizes {
  /** JS a reload downloads before leaving for Firmafon (resume bounce): the first script and its static imports. */
  beforeRedirectJs: PageSize;
  /** JS the sign-in page loads: the first script, the app and their static imports. */
  signInJs: PageSize;
  /** JS and CSS the calls page loads: the sign-in set plus the lazy calls route, the signed-in header and their static imports. */
  callsPageAll: PageSize;
  /**
   * What opening the statistics page adds to a signed-in page's JS and CSS (entry + signed-in header): its lazy
   * route, the charting library and their static imports.
   */
  statisticsRouteAdded: PageSize;
  /** What opening the team board adds to a signed-in page's JS and CSS (entry + signed-in header): its lazy route and its static imports. */
  teamRouteAdded: PageSize;
  /** What opening the team board adds after the calls page (where a sign-in lands): the same less what that page loaded. */
  teamRouteAfterCalls: PageSize;
  /** The Faye client (FAYE_CLIENT_FILE), loaded at run time on the first subscription; empty if the build has none. */
  fayeClient: PageSize;
  /** Every stylesheet in the build. */
  allCss: PageSize;
  /** Every JS chunk in the build (for the report). */
  allJs: PageSize;
}

export interface FunctionSize {
  name: string;
  bytes: number;
  gzip: number;
}

/** gzip at level 9, as size-limit's `gzip: true` measures it. */
export function gzipBytes(content: Buffer): number {
  return gzipSync(content, { level: 9 }).length;
}

function manifestKeyOf(manifest: Manifest, predicate: (chunk: ManifestChunk) => boolean, what: string): string {
  const key = Object.keys(manifest).find((k) => {
    const chunk = manifest[k];
    return chunk !== undefined && predicate(chunk);
  });
  if (key === undefined) throw new Error(`The build manifest has no ${what}`);
  return key;
}

/** `keys` and every chunk they import statically (transitively), in a stable order, each once. */
export function staticClosure(manifest: Manifest, keys: readonly string[]): string[] {
  const seen = new Set<string>();
  const visit = (key: string): void => {
    if (seen.has(key)) return;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`The build manifest refers to ${key}, which it does not contain`);
    seen.add(key);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const key of keys) visit(key);
  return [...seen];
}

/** Output files (JS and CSS) of the chunks `keys`. */
export function filesOf(manifest: Manifest, keys: readonly string[]): { js: string[]; css: string[] } {
  const js = new Set<string>();
  const css = new Set<string>();
  for (const key of keys) {
    const chunk = manifest[key];
    if (!chunk) continue;
    js.add(chunk.file);
    for (const sheet of chunk.css ?? []) css.add(sheet);
  }
  return { js: [...js], css: [...css] };
}

/** The files each page needs, computed from the manifest. */
type Files = { js: string[]; css: string[] };

/** `files` less those already in `loaded`. */
function filesBeyond(files: Files, loaded: Files): Files {
  return { js: files.js.filter((file) => !loaded.js.includes(file)), css: files.css.filter((file) => !loaded.css.includes(file)) };
}

export function pageFiles(manifest: Manifest): {
  beforeRedirect: Files;
  signIn: Files;
  calls: Files;
  statisticsAdded: Files;
  teamAdded: Files;
  teamAfterCalls: Files;
} {
  const entry = manifestKeyOf(manifest, (chunk) => chunk.isEntry === true, 'entry chunk');
  const app = manifestKeyOf(manifest, (chunk) => chunk.name === APP_CHUNK_NAME && chunk.isEntry !== true, `"${APP_CHUNK_NAME}" chunk (does the first script still load the app lazily?)`);
  const callsPage = manifestKeyOf(manifest, (chunk) => chunk.src === CALLS_PAGE_SRC, `chunk for ${CALLS_PAGE_SRC} (is the route still lazy?)`);
  const signedInHeader = manifestKeyOf(manifest, (chunk) => chunk.src === SIGNED_IN_HEADER_SRC, `chunk for ${SIGNED_IN_HEADER_SRC}`);
  const statisticsPage = manifestKeyOf(manifest, (chunk) => chunk.src === STATISTICS_PAGE_SRC, `chunk for ${STATISTICS_PAGE_SRC} (is the route still lazy?)`);
  const teamPage = manifestKeyOf(manifest, (chunk) => chunk.src === TEAM_PAGE_SRC, `chunk for ${TEAM_PAGE_SRC} (is the route still lazy?)`);
  // What the statistics route adds to a signed-in page (the first script, the app and the signed-in header).
  const signedIn = filesOf(manifest, staticClosure(manifest, [entry, app, signedInHeader]));
  const withStatistics = filesOf(manifest, staticClosure(manifest, [entry, app, signedInHeader, statisticsPage]));
  const withTeam = filesOf(manifest, staticClosure(manifest, [entry, app, signedInHeader, teamPage]));
  const calls = filesOf(manifest, staticClosure(manifest, [entry, app, callsPage, signedInHeader]));
  return {
    beforeRedirect: filesOf(manifest, staticClosure(manifest, [entry])),
    signIn: filesOf(manifest, staticClosure(manifest, [entry, app])),
    calls,
    statisticsAdded: filesBeyond(withStatistics, signedIn),
    teamAdded: filesBeyond(withTeam, signedIn),
    teamAfterCalls: filesBeyond(withTeam, calls),
  };
}

function measureFiles(root: string, files: readonly string[]): PageSize {
  const sized = files.map((file) => {
    const content = readFileSync(join(root, file));
    return { file, bytes: content.length, gzip: gzipBytes(content) };
  });
  return {
    files: sized,
    bytes: sized.reduce((sum, f) => sum + f.bytes, 0),
    gzip: sized.reduce((sum, f) => sum + f.gzip, 0),
  };
}

/** The chunk of the callback's redemption (the `callback` group of vite.config.ts), started by the first script. */
export const CALLBACK_CHUNK_NAME = 'callback';

/**
 * What must hold of the chunks, beyond their sizes: the redemption the first script starts must not wait for the app
 * (its chunk may not import the app's), and the sign-in page must not carry it. Answers the problems found.
 */
export function chunkProblems(manifest: Manifest): string[] {
  const entry = manifestKeyOf(manifest, (chunk) => chunk.isEntry === true, 'entry chunk');
  const app = manifestKeyOf(manifest, (chunk) => chunk.name === APP_CHUNK_NAME && chunk.isEntry !== true, `"${APP_CHUNK_NAME}" chunk`);
  const callback = manifestKeyOf(manifest, (chunk) => chunk.name === CALLBACK_CHUNK_NAME, `"${CALLBACK_CHUNK_NAME}" chunk`);
  const problems: string[] = [];
  if (staticClosure(manifest, [callback]).includes(app)) {
    problems.push('the callback chunk imports the app chunk, so redeeming a code would wait for the app to download');
  }
  if (staticClosure(manifest, [entry, app]).includes(callback)) {
    problems.push('the app chunk imports the callback chunk, so the sign-in page carries the code redemption');
  }
  return problems;
}

/** Builds the SPA into `outDir` (with a manifest, which the regular build does not ship) and returns the manifest. */
export function buildSpa(outDir: string): Manifest {
  execFileSync('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--manifest', '--logLevel', 'warn'], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return JSON.parse(readFileSync(join(outDir, '.vite', 'manifest.json'), 'utf8')) as Manifest;
}

/** Sizes of a build in `outDir` made by `buildSpa`. */
export function measureSpa(outDir: string, manifest: Manifest): SpaSizes {
  const pages = pageFiles(manifest);
  const assets = readdirSync(join(outDir, 'assets')).map((name) => `assets/${name}`);
  return {
    beforeRedirectJs: measureFiles(outDir, pages.beforeRedirect.js),
    signInJs: measureFiles(outDir, pages.signIn.js),
    callsPageAll: measureFiles(outDir, [...pages.calls.js, ...pages.calls.css]),
    statisticsRouteAdded: measureFiles(outDir, [...pages.statisticsAdded.js, ...pages.statisticsAdded.css]),
    teamRouteAdded: measureFiles(outDir, [...pages.teamAdded.js, ...pages.teamAdded.css]),
    teamRouteAfterCalls: measureFiles(outDir, [...pages.teamAfterCalls.js, ...pages.teamAfterCalls.css]),
    fayeClient: measureFiles(outDir, assets.filter((file) => FAYE_CLIENT_FILE.test(file.slice('assets/'.length)))),
    allCss: measureFiles(outDir, assets.filter((file) => file.endsWith('.css'))),
    allJs: measureFiles(outDir, assets.filter((file) => file.endsWith('.js'))),
  };
}

/** Every deployable function: the `.ts` entry files at the top of functions/ (helpers live in functions/_lib). */
export function functionEntries(dir = 'functions'): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.m?ts$/.test(entry.name) && !/\.(test|spec)\.m?ts$/.test(entry.name))
    .map((entry) => join(dir, entry.name))
    .sort();
}

/**
 * Bundles each function as Netlify's esbuild bundler (zip-it-and-ship-it) does for a v2 function: one ESM file
 * for Node, every dependency inlined except Node's built-ins, not minified (Netlify does not minify). The
 * measured size is the uncompressed bundle (Netlify's own CJS-interop banner, ~200 bytes, is left out).
 */
export async function measureFunctions(entries: readonly string[] = functionEntries()): Promise<FunctionSize[]> {
  // esbuild comes with tsx and vite; it is what Netlify bundles functions with.
  const { build } = await import('esbuild');
  const sizes: FunctionSize[] = [];
  for (const entry of entries) {
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      minify: false,
      write: false,
      logLevel: 'warning',
      outdir: 'out',
    });
    const output = result.outputFiles.find((file) => file.path.endsWith('.js'));
    if (!output) throw new Error(`esbuild produced no JS for ${entry}`);
    const content = Buffer.from(output.contents);
    sizes.push({ name: entry, bytes: content.length, gzip: gzipBytes(content) });
  }
  return sizes;
}

export function formatKb(bytes: number): string {
  return `${(bytes / KB).toFixed(1)} KB`;
}
