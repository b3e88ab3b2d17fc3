// @ts-check
// ESLint as in a new NestJS project (typescript-eslint's recommended rules, Prettier
// owning the layout), without type-aware rules so that a full run stays fast, plus
// the import boundaries of ARCHITECTURE.md (scripts/lint/boundaries.js).
import eslint from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import boundaries from './scripts/lint/boundaries.js';

export default defineConfig(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.data/**', 'test-results/**', 'apps/console/src/api/generated/**'] },
  eslint.configs.recommended,
  tseslint.configs.recommended,
  prettier,
  {
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      'prefer-const': ['error', { destructuring: 'all' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  // Tests load modules by computed path (env classes, deploy scripts).
  { files: ['test/**/*.ts'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  // Mail parsing matches control characters on purpose (header decoding, sanitising).
  { files: ['apps/mail/src/parsing/**/*.ts'], rules: { 'no-control-regex': 'off' } },
  boundaries.boundariesConfig,
  // The agent console runs in the browser and is React (TSX) under the same boundaries.
  { files: ['apps/console/**/*.{ts,tsx,mjs}'], languageOptions: { globals: { ...globals.browser } } },
  { ...boundaries.boundariesConfig, files: ['apps/console/**/*.tsx'] },
);
