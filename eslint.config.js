import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Execution contexts may only import what runs in their world (see DESIGN.md):
// probe and content import only src/shared (and content: src/platform); shared imports nothing browser-specific.
const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  { ignores: ['dist/', 'artifacts/', 'node_modules/', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: restrict([
      { group: ['**/probe/**', '**/content/**', '**/background/**', '**/ui/**', '**/platform/**'], message: 'src/shared is pure.' },
      { group: ['webextension-polyfill'], message: 'src/shared is pure: no browser APIs.' },
    ]),
  },
  {
    files: ['src/probe/**/*.ts'],
    rules: restrict([
      { group: ['**/content/**', '**/background/**', '**/ui/**', '**/platform/**', 'webextension-polyfill'], message: 'The probe runs in the page world and imports only src/shared.' },
    ]),
  },
  {
    files: ['src/content/**/*.ts'],
    rules: restrict([{ group: ['**/probe/**', '**/background/**', '**/ui/**'], message: 'Content scripts import only src/shared and src/platform.' }]),
  },
  {
    files: ['src/background/**/*.ts'],
    rules: restrict([{ group: ['**/probe/**', '**/content/**', '**/ui/**'], message: 'The service worker imports only src/shared and src/platform.' }]),
  },
  {
    files: ['src/ui/**/*.ts'],
    rules: restrict([{ group: ['**/probe/**', '**/content/**', '**/background/**'], message: 'Extension pages talk to the background by messages.' }]),
  },
  {
    files: ['tests/**/*.{ts,mjs}', 'icons/*.mjs', '*.config.*'],
    rules: { 'no-console': 'off' },
  },
);
