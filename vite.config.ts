/**
 * Vite builds the SPA from web/ into dist/. Vitest runs the unit tests of every part (node environment:
 * the unit-tested logic is DOM-free; the UI is tested in real Chromium by Playwright).
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { contentSecurityPolicyHeader } from './scripts/vite-content-security-policy.ts';
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
  plugins: [react(), cspSafeDevServer(), contentSecurityPolicyHeader()],
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
        // Chunks that must stay whole: the first script (src/boot.ts and its static imports: "JS before the resume
        // redirect"), the callback's redemption (started by the first script, needing nothing of the app), the app
        // (src/main.tsx and its static imports) and React Query with the app's client (signed-in pages only).
        // Without these groups Rolldown splits modules that lazy chunks share with them into chunks of their own, and
        // each page pays for the extra requests and module wrappers. A module wanted by two groups goes to the
        // higher priority, which the other then imports: so nothing the app needs may sit in the callback group.
        codeSplitting: {
          groups: [
            { name: 'boot', tags: ['$initial'], priority: 3 },
            { name: 'callback', test: /[\\/]app[\\/]routes[\\/]begin-callback\.ts$/, priority: 2 },
            { name: 'app', test: /[\\/]src[\\/]main\.tsx$/, priority: 1 },
            // React Query and the app's client: loaded with the first signed-in page, not by the sign-in page.
            { name: 'query', test: /[\\/](@tanstack[\\/](query-core|react-query)[\\/]|src[\\/]app[\\/]query-provider\.tsx$)/, priority: 1 },
          ],
        },
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
