/**
 * Lets the Vite dev server run under the same strict Content-Security-Policy as production
 * (`script-src 'self'; style-src 'self'`, from netlify.toml, which `netlify dev` applies to every response):
 * - React Refresh's inline preamble is dropped from index.html; web/src/boot.ts imports it as a module
 *   (`@vitejs/plugin-react/preamble`, empty in production builds).
 * - CSS modules, which Vite injects as inline <style> elements in dev, are loaded as <link> stylesheets
 *   (`?direct` is Vite's raw-CSS URL), with a full reload on change.
 * Production builds are untouched (apply: 'serve').
 */
import type { Plugin } from 'vite';

const PREAMBLE = /<script type="module">\s*import \{ injectIntoGlobalHook \}[\s\S]*?<\/script>/;

export function cspSafeDevServer(): Plugin {
  return {
    name: 'csp-safe-dev-server',
    apply: 'serve',
    enforce: 'post',
    transformIndexHtml: {
      order: 'post',
      handler: (html) => html.replace(PREAMBLE, ''),
    },
    transform(code, id) {
      const [file, query] = id.split('?');
      if (!file?.endsWith('.css') || query !== undefined) return null;
      if (!code.includes('__vite__updateStyle')) return null;
      const url = `/@fs${file}?direct`;
      return {
        code: [
          `const link = document.createElement('link');`,
          `link.rel = 'stylesheet';`,
          `link.href = ${JSON.stringify(url)};`,
          `document.head.append(link);`,
          `if (import.meta.hot) import.meta.hot.accept(() => location.reload());`,
          `export default '';`,
        ].join('\n'),
        map: null,
      };
    },
  };
}
