// Lint: TypeScript, React Hooks and TanStack Query rules, plus the house's import direction: common/ is imported
// by every part and imports none; in the SPA, common ← lib ← shared ← features ← app, and features never import
// each other (scripts/lint/import-layers.js, for every folder under web/src/features/).
import js from '@eslint/js';
import pluginQuery from '@tanstack/eslint-plugin-query';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import importLayers from './scripts/lint/import-layers.js';

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
    files: ['web/src/**/*.{ts,tsx}'],
    plugins: { house: { rules: { 'import-layers': importLayers } } },
    rules: { 'house/import-layers': 'error' },
  },
);
