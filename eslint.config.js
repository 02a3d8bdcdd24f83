// Layer boundaries are lint rules so they hold without review (see ARCHITECTURE.md).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const noEdges = {
  group: ['**/http/**', '**/cli/**', '../http/*', '../cli/*'],
  message: 'Nothing imports the http or cli edges.',
};

export default tseslint.config(
  { ignores: ['dist/**', 'web/dist/**', 'node_modules/**', 'data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'node:*',
                'fs',
                'path',
                'os',
                'crypto',
                'kysely',
                'fastify',
                'zod',
                'better-sqlite3',
                'pg',
              ],
              message:
                'core is pure: it imports nothing outside src/core (no I/O, no libraries with effects).',
            },
            {
              group: [
                '**/services/**',
                '**/storage/**',
                '**/http/**',
                '**/cli/**',
                '**/config/**',
                '**/main/**',
                '**/contract/**',
              ],
              message: 'core imports nothing outside src/core.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'core is pure: pass configuration in.' },
        { name: 'Date', message: 'core is pure: time is a parameter.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'core is pure: randomness is a seeded parameter.' },
      ],
    },
  },
  {
    files: ['src/services/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noEdges,
            {
              group: ['**/storage/**', '../storage/*'],
              message: 'services talk to storage through the ports they declare.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/storage/**/*.ts', 'src/contract/**/*.ts', 'src/config/**/*.ts', 'src/main/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noEdges] }] },
  },
  {
    files: ['src/http/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/cli/**', '../cli/*'], message: 'http and cli are separate edges.' }] },
      ],
    },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/http/**', '!**/http/server.js'],
              message: 'http and cli are separate edges; only `serve` may start the server (http/server.ts).',
            },
          ],
        },
      ],
    },
  },
  {
    // Migrations are frozen in time: they take Kysely<any> rather than the app's current schema types.
    files: ['src/storage/migrations/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/config/read-env.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'readEnv() is the only reader of process.env.',
        },
      ],
    },
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    languageOptions: {
      globals: { window: 'readonly', document: 'readonly', fetch: 'readonly', localStorage: 'readonly' },
    },
  },
);
