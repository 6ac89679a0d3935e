// Lint: TypeScript, React Hooks and TanStack Query rules, plus the house's import direction
// (common ← functions/sandbox/web; lib & ui ← features ← app; features never import each other).
import js from '@eslint/js';
import pluginQuery from '@tanstack/eslint-plugin-query';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });
const layer = (group, message) => ({ group, message });

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', '.netlify/', 'test-results/', 'playwright-report/', 'docs/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Data from Firmafon is untrusted: render it as text, never as HTML.',
        },
      ],
    },
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks, '@tanstack/query': pluginQuery },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...pluginQuery.configs.recommended.rules,
    },
  },
  {
    files: ['common/**/*.ts'],
    rules: restrict([layer(['**/web/**', '**/functions/**', '**/sandbox/**', '**/e2e/**'], 'common/ is shared by every part and imports none of them.')]),
  },
  {
    files: ['functions/**/*.ts'],
    rules: restrict([layer(['**/web/**', '**/sandbox/**'], 'Functions import only common/ and their own _lib/.')]),
  },
  {
    files: ['sandbox/**/*.ts'],
    rules: restrict([layer(['**/web/**', '**/functions/**'], 'The sandbox stands in for Firmafon; it imports only common/.')]),
  },
  {
    files: ['web/src/lib/**/*.{ts,tsx}', 'web/src/components/**/*.{ts,tsx}'],
    rules: restrict([layer(['**/features/**', '**/app/**', '**/functions/**', '**/sandbox/**'], 'lib/ and components/ are shared code: they import no feature and no app module.')]),
  },
  {
    files: ['web/src/features/auth/**/*.{ts,tsx}'],
    rules: restrict([layer(['**/features/calls/**', '**/calls/**', '**/app/**', '**/functions/**', '**/sandbox/**'], 'Features never import each other or the app; compose them in web/src/app.')]),
  },
  {
    files: ['web/src/features/calls/**/*.{ts,tsx}'],
    rules: restrict([layer(['**/features/auth/**', '**/auth/**', '**/app/**', '**/functions/**', '**/sandbox/**'], 'Features never import each other or the app; compose them in web/src/app.')]),
  },
  {
    files: ['web/src/app/**/*.{ts,tsx}', 'web/src/main.tsx'],
    rules: restrict([layer(['**/functions/**', '**/sandbox/**'], 'The SPA never imports server code.')]),
  },
);
