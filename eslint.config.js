import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

// The layers are kept apart mechanically: a reader can trust the folder a file sits in.
const noElectron = { name: 'electron', message: 'Only src-main/electron/ may import electron.' };
const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'worker_threads', 'http', 'https', 'net', 'url', 'stream', 'zlib', 'events', 'util'];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'e2e/artifacts/**', 'test-results/**', 'playwright-report/**', 'coverage/**', 'bench/work/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { files: ['scripts/**/*.mjs', 'src-main/**/*.mjs', '*.js'], languageOptions: { globals: globals.node } },
  // TypeScript checks undefined names itself, with the right globals per layer's tsconfig.
  { files: ['**/*.ts', '**/*.tsx'], rules: { 'no-undef': 'off' } },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src-main/**/*.ts', 'scripts/**/*.{ts,mjs}', 'e2e/**/*.ts', 'bench/**/*.ts'],
    ignores: ['src-main/electron/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron], patterns: [{ group: ['electron/*'], message: noElectron.message }] }] },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [noElectron, ...nodeBuiltins.filter((n) => !n.includes('*')).map((name) => ({ name, message: 'The renderer runs in a sandboxed page: no Node built-ins.' }))],
        patterns: [
          { group: ['node:*'], message: 'The renderer runs in a sandboxed page: no Node built-ins.' },
          { group: ['**/src-main/**', '../src-main/*', '../../src-main/*'], message: 'The renderer talks to the core only through the contract.' },
        ],
      }],
    },
  },
  {
    files: ['src-shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [noElectron, ...nodeBuiltins.filter((n) => !n.includes('*')).map((name) => ({ name, message: 'src-shared is universal: no Node built-ins.' }))],
        patterns: [
          { group: ['node:*'], message: 'src-shared is universal: no Node built-ins.' },
          { group: ['**/src-main/**', '**/src-renderer/**', '../../src-main/*', '../../src-renderer/*'], message: 'src-shared may import only itself (and zod).' },
        ],
      }],
    },
  },
);
