/**
 * ESLint rule `house/import-layers`: the SPA's import direction, for every file under web/src, whatever the
 * spelling of the import (`@/…`, `@common/…` or relative):
 *
 *   common ← lib ← shared ← features/<one feature> ← app (and main.tsx)
 *
 * - a feature imports its own folder, shared/, lib/ and common/ — never another feature (any folder under
 *   features/, by pattern) and never app/;
 * - shared/ imports lib/ and common/; lib/ imports only common/;
 * - nothing in web/src imports server code (functions/, sandbox/, scripts/);
 * - a relative import climbs at most two levels (`../../x`); anything further uses an alias.
 */
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const WEB_SRC = path.join(ROOT, 'web', 'src');
const COMMON = path.join(ROOT, 'common');
const MAX_CLIMB = 2;

/** Where an import points, as an absolute path; null for a package. */
function resolveImport(fromFile, spec) {
  if (spec.startsWith('@/')) return path.join(WEB_SRC, spec.slice(2));
  if (spec.startsWith('@common/')) return path.join(COMMON, spec.slice('@common/'.length));
  if (spec.startsWith('.')) return path.resolve(path.dirname(fromFile), spec);
  return null;
}

/** The layer of a file: `app`, `feature` (with its name), `shared`, `lib`, `common`, or `server` (anything else). */
export function layerOf(file) {
  if (file === COMMON || file.startsWith(COMMON + path.sep)) return { layer: 'common' };
  if (!file.startsWith(WEB_SRC + path.sep)) return { layer: 'server' };
  const [top, name] = path.relative(WEB_SRC, file).split(path.sep);
  if (top === 'features') return { layer: 'feature', feature: name };
  if (top === 'shared' || top === 'lib') return { layer: top };
  return { layer: 'app' };
}

const ALLOWED = {
  app: new Set(['app', 'feature', 'shared', 'lib', 'common']),
  feature: new Set(['feature', 'shared', 'lib', 'common']),
  shared: new Set(['shared', 'lib', 'common']),
  lib: new Set(['lib', 'common']),
};

const WHY = {
  feature: 'A feature imports its own folder, shared/, lib/ and common/: features never import each other or app/ (compose them in app/).',
  shared: 'shared/ is used by every feature: it imports only lib/ and common/.',
  lib: 'lib/ is the infrastructure under everything: it imports only common/.',
  app: 'The SPA never imports server code (functions/, sandbox/, scripts/).',
};

/** @type {import('eslint').Rule.RuleModule} */
export default {
  meta: {
    type: 'problem',
    docs: { description: "Keeps the SPA's layers apart: common ← lib ← shared ← features ← app" },
    schema: [],
    messages: {
      layer: '{{why}}',
      climb: 'This import climbs {{levels}} levels; use the @/ or @common/ alias instead.',
    },
  },
  create(context) {
    const file = context.filename;
    const from = layerOf(file);
    if (from.layer === 'server' || from.layer === 'common') return {};
    function check(node) {
      const spec = node.source?.value;
      if (typeof spec !== 'string') return;
      const levels = spec.split('/').filter((part) => part === '..').length;
      if (spec.startsWith('.') && levels > MAX_CLIMB) {
        context.report({ node: node.source, messageId: 'climb', data: { levels: String(levels) } });
      }
      const target = resolveImport(file, spec);
      if (target === null) return;
      const to = layerOf(target);
      const allowed =
        ALLOWED[from.layer].has(to.layer) && !(from.layer === 'feature' && to.layer === 'feature' && to.feature !== from.feature);
      if (!allowed) context.report({ node: node.source, messageId: 'layer', data: { why: WHY[from.layer] } });
    }
    return {
      ImportDeclaration: check,
      ImportExpression: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
    };
  },
};
