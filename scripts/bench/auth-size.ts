/**
 * The size of our own SPA auth code (issue #15): state, PKCE, starting a sign-in, capturing and verifying the callback,
 * the token exchange and the resume hint, bundled by esbuild as a library would ship it (minified ESM for browsers,
 * packages from node_modules left external) and gzipped at level 9. Works on any checkout of the project (`root`), so
 * the bench can set the current code beside an older commit's.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Metafile, Plugin } from 'esbuild';
import { gzipBytes } from '../sizes.ts';

/** The modules that make up the auth code, relative to the checkout's root; each is re-exported by the entry. */
export const AUTH_MODULES = [
  'web/src/features/auth/model/start-sign-in.ts',
  'web/src/features/auth/model/callback-url.ts',
  'web/src/features/auth/model/complete-sign-in.ts',
  'web/src/features/auth/model/session-hint.ts',
] as const;

export interface ModuleShare {
  /** Path relative to the checkout (or the package name, for external ones, which are not counted). */
  path: string;
  /** Minified bytes this module contributes to the bundle (before gzip). */
  bytes: number;
}

export interface AuthCodeSize {
  /** Minified bundle, uncompressed. */
  bytes: number;
  /** Minified bundle, gzip level 9. */
  gzip: number;
  /** The modules in the bundle, largest first (esbuild's metafile). */
  modules: ModuleShare[];
  /** Packages left external (imported from node_modules, not counted). */
  external: string[];
}

/** The entry: one namespace re-export per module, so no export is shaken off and no two clash. */
export function authEntrySource(root: string, modules: readonly string[] = AUTH_MODULES): string {
  return modules.map((path, i) => `export * as auth${i} from ${JSON.stringify(resolve(root, path))};`).join('\n');
}

/** The modules of a metafile's one output, largest first, paths relative to `root`. */
export function modulesBySize(metafile: Metafile, root: string): ModuleShare[] {
  const output = Object.values(metafile.outputs)[0];
  if (!output) return [];
  const prefix = `${resolve(root)}/`;
  return Object.entries(output.inputs)
    .map(([path, { bytesInOutput }]) => {
      const absolute = resolve(path);
      return { path: absolute.startsWith(prefix) ? absolute.slice(prefix.length) : path, bytes: bytesInOutput };
    })
    .filter((m) => m.bytes > 0)
    .sort((a, b) => b.bytes - a.bytes);
}

/** The `@/…` and `@common/…` aliases of web/tsconfig.json, for the checkout at `root`. */
function aliases(root: string): Plugin {
  return {
    name: 'project-aliases',
    setup(build) {
      build.onResolve({ filter: /^@(common)?\// }, (args) => {
        const path = args.path.startsWith('@common/') ? join(root, 'common', args.path.slice('@common/'.length)) : join(root, 'web/src', args.path.slice(2));
        return { path: resolve(path) };
      });
    },
  };
}

/** Bundles the auth modules of the checkout at `root` and measures them. */
export async function measureAuthCode(root: string, modules: readonly string[] = AUTH_MODULES): Promise<AuthCodeSize> {
  const missing = modules.filter((path) => !existsSync(join(root, path)));
  if (missing.length) throw new Error(`${root} has no ${missing.join(', ')}`);
  const { build } = await import('esbuild');
  const result = await build({
    stdin: { contents: authEntrySource(root, modules), resolveDir: resolve(root), sourcefile: 'auth-entry.ts', loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    packages: 'external',
    plugins: [aliases(root)],
    metafile: true,
    write: false,
    logLevel: 'warning',
    outdir: 'out',
  });
  const output = result.outputFiles.find((file) => file.path.endsWith('.js'));
  if (!output) throw new Error('esbuild produced no JS for the auth modules');
  const content = Buffer.from(output.contents);
  const external = [...new Set(Object.values(result.metafile.outputs).flatMap((o) => o.imports.filter((i) => i.external).map((i) => i.path)))].sort();
  return { bytes: content.length, gzip: gzipBytes(content), modules: modulesBySize(result.metafile, root), external };
}
