// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';
import globals from 'globals';

export default [
  {
    ignores: [
      'dist/',
      'dist-share/',
      '**/*.next-*/',
      '.astro/',
      'node_modules/',
      'bench/work/',
      'coverage/',
      'test-results/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Spreadsheet text is data: never render it as HTML.
      'astro/no-set-html-directive': 'error',
    },
  },
  {
    // The client bundle reaches clients: its code gets the bundle's words only
    // (bundleMessages), never the whole catalogue with its internal terms.
    files: ['src/share/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/i18n/en.ts', '**/i18n/ru.ts'],
              message: 'Bundle code uses bundleMessages() from i18n/index.ts.',
            },
            {
              group: ['**/i18n/index.ts'],
              importNames: ['messages'],
              message: 'Bundle code uses bundleMessages(), not the whole catalogue.',
            },
          ],
        },
      ],
    },
  },
];
