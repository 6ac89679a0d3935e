/**
 * Vite builds the SPA from web/ into dist/. Vitest runs the unit tests of every part (node environment:
 * the unit-tested logic is DOM-free; the UI is tested in real Chromium by Playwright).
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { cspSafeDevServer } from './scripts/vite-csp-safe-dev.ts';

/** The SPA's import aliases (also in web/tsconfig.json): `@/` is web/src, `@common/` is common/. */
export const ALIASES = [
  { find: /^@\//, replacement: fileURLToPath(new URL('./web/src/', import.meta.url)) },
  { find: /^@common\//, replacement: fileURLToPath(new URL('./common/', import.meta.url)) },
];

export default defineConfig({
  root: 'web',
  resolve: { alias: ALIASES },
  publicDir: 'public',
  plugins: [react(), cspSafeDevServer()],
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    assetsInlineLimit: 0,
    // Every browser the dashboard supports has native modulepreload; the polyfill would cost the first page.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        // Everything the entry imports statically stays one chunk. Without this group, Rolldown splits modules that
        // a lazy chunk shares with the entry (e.g. the API client, which the lazily loaded signed-in header and nav
        // badge also use) into chunks of their own, and the sign-in page pays ~2 KB gzipped for the extra requests
        // and module wrappers.
        codeSplitting: { groups: [{ name: 'app', tags: ['$initial'] }] },
      },
    },
  },
  server: {
    port: Number(process.env.VITE_PORT ?? 5173),
    strictPort: true,
    host: 'localhost',
    // The page is served through `netlify dev` on PORT; let the HMR socket go through it too.
    hmr: process.env.PORT ? { clientPort: Number(process.env.PORT) } : undefined,
  },
  test: {
    root: '.',
    include: ['{web,functions,sandbox,common,scripts}/**/*.test.ts'],
    environment: 'node',
    testTimeout: 15_000,
  },
});
