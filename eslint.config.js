// Layering (the VS Code idea): code is placed by where it runs, and this file stops a layer importing
// the wrong one. shared/ is pure; src-renderer/ is browser-only; only the Electron adapter files in
// src-main/ may import `electron`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const electronAdapters = ['src-main/main.ts', 'src-main/preload.ts', 'src-main/electron/**/*.ts'];

const restrict = (message, paths, patterns = []) => ({
  'no-restricted-imports': ['error', {
    paths: paths.map((name) => ({ name, message })),
    patterns: patterns.map((group) => ({ group: [group], message })),
  }],
});

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
      'react/no-danger': 'off',
      'no-restricted-syntax': ['error', {
        selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
        message: 'Cluster data is rendered as text, never as HTML.',
      }],
    },
  },
  {
    files: ['shared/**/*.ts', 'shared/**/*.tsx'],
    rules: restrict('shared/ is pure: it imports neither side, no Node built-ins, no electron.',
      ['electron', ...nodeBuiltins], ['**/src-main/**', '**/src-renderer/**']),
  },
  {
    files: ['src-renderer/**/*.ts', 'src-renderer/**/*.tsx'],
    rules: restrict('src-renderer/ runs in the browser: no Node built-ins, no electron, no main-process code.',
      ['electron', '@kubernetes/client-node', 'ws', ...nodeBuiltins], ['**/src-main/**']),
  },
  {
    files: ['src-main/**/*.ts'],
    ignores: electronAdapters,
    rules: restrict('Only the Electron adapter files (src-main/main.ts, preload.ts, electron/) import electron.',
      ['electron'], ['**/src-renderer/**']),
  },
);
