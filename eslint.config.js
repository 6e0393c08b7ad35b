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

// Test kits live in `testing/` folders; production code never imports one, tests may.
const testFiles = ['**/*.test.ts', '**/*.test.tsx', '**/testing/**'];
const testingKit = { regex: '(^|/)testing/', message: 'Test kits (testing/ folders) are for tests only; production code never imports them.' };

const restrictImports = (message, paths, patterns, extra = []) => ({
  'no-restricted-imports': ['error', {
    paths: paths.map((name) => ({ name, message })),
    patterns: [...patterns.map((group) => ({ group: [group], message })), ...extra],
  }],
});

// One room: its production files may not import the listed modules nor a test kit; its tests may
// import test kits but still respect the room's walls. (Flat config replaces a rule's options rather
// than merging them, so the two variants are written out in full.)
const room = (globs, message, paths, patterns, globalsOfRoom, otherRules = {}) => {
  const languageOptions = { globals: globalsOfRoom };
  return [
    { files: globs, ignores: testFiles, languageOptions, rules: { ...restrictImports(message, paths, patterns, [testingKit]), ...otherRules } },
    { files: globs.flatMap((g) => testFiles.map((t) => [g, t])), languageOptions, rules: { ...restrictImports(message, paths, patterns), ...otherRules } },
  ];
};

// typescript-eslint turns `no-undef` off (the compiler checks names, and tsconfig gives every file both
// DOM and Node types), so the globals of a side that shared/ must not touch are named here.
const sideGlobals = ['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'location', 'process', 'Buffer', 'global', 'require', '__dirname', '__filename']
  .map((name) => ({ name, message: 'shared/ runs on both sides: it touches neither the browser nor Node globals; take the value as a parameter.' }));

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // Outside the three rooms (e2e, bench, scripts, test-cluster, config files) both sides' globals.
  { ignores: ['shared/**', 'src-renderer/**', 'src-main/**'], languageOptions: { globals: { ...globals.node, ...globals.browser } } },
  {
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
  // shared/ runs anywhere: neither `window` nor `process`, only what Node and browsers both have.
  ...room(['shared/**/*.ts', 'shared/**/*.tsx'], 'shared/ is pure: it imports neither side, no Node built-ins, no electron.',
    ['electron', ...nodeBuiltins], ['**/src-main/**', '**/src-renderer/**'], { ...globals['shared-node-browser'] },
    { 'no-restricted-globals': ['error', ...sideGlobals] }),
  ...room(['src-renderer/**/*.ts', 'src-renderer/**/*.tsx'], 'src-renderer/ runs in the browser: no Node built-ins, no electron, no main-process code.',
    ['electron', '@kubernetes/client-node', 'ws', ...nodeBuiltins], ['**/src-main/**'], { ...globals.browser }),
  ...room(['src-main/**/*.ts'], 'Only the Electron adapter files (src-main/main.ts, preload.ts, electron/) import electron.',
    ['electron'], ['**/src-renderer/**'], { ...globals.node }).map((block) => ({ ...block, ignores: [...(block.ignores ?? []), ...electronAdapters] })),
  // The core implements the contract; the transports (IPC, serve mode) call it, never the other way round.
  {
    files: ['src-main/core/**/*.ts'],
    ignores: testFiles,
    rules: restrictImports('src-main/core implements the contract and never imports a transport (handler types are in core/handlers.ts), electron or the renderer.',
      ['electron'], ['**/src-renderer/**', '**/transport/**'], [testingKit]),
  },
  { files: electronAdapters, languageOptions: { globals: { ...globals.node } } },
  {
    files: electronAdapters,
    ignores: testFiles,
    rules: restrictImports('Test kits are for tests only.', [], [], [testingKit]),
  },
);
