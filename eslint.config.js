// ESLint flat config. LWC sources get Salesforce's LWC rules (@salesforce/eslint-config-lwc, which brings
// @lwc/eslint-plugin-lwc, @salesforce/eslint-plugin-lightning, import and jest); the TypeScript tooling under
// scripts/, packages/ and test/ gets typescript-eslint's recommended rules.
import { createRequire } from 'node:module';
import eslintJs from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const require = createRequire(import.meta.url);
const lwcRecommendedTs = require('@salesforce/eslint-config-lwc/recommended-ts');

const LWC_SOURCES = ['force-app/**/lwc/**/*.ts'];
const LWC_TESTS = ['force-app/**/lwc/**/__tests__/**/*.ts'];
const TYPE_DECLARATIONS = ['**/*.d.ts'];
const TOOLING = ['scripts/**/*.ts', 'packages/**/*.{ts,mjs}', 'test/**/*.ts', '*.{js,cjs,ts}'];

/** Applies a shared config array to the given files only. */
const scopedTo = (files, configs) => configs.map((config) => ({ ...config, files, ignores: TYPE_DECLARATIONS }));

export default tseslint.config(
  {
    name: 'entra-sync/ignores',
    ignores: [
      'node_modules/',
      'coverage/',
      '.sf/',
      '.sfdx/',
      '.localdevserver/',
      '.tmp/',
      'dist/',
      // compiled from the .ts beside them by `npm run build`
      'force-app/**/lwc/**/*.js',
      '**/staticresources/**',
    ],
  },

  // As in the Salesforce CLI TypeScript LWC template: Salesforce's LWC rules, parsed by typescript-eslint so that
  // names used only in types count as used (the config's own Babel parser reports them as unused or undefined).
  ...scopedTo(LWC_SOURCES, lwcRecommendedTs),
  ...scopedTo(LWC_SOURCES, tseslint.configs.recommended),
  {
    name: 'entra-sync/lwc-typescript',
    files: LWC_SOURCES,
    ignores: TYPE_DECLARATIONS,
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { ecmaVersion: 'latest', sourceType: 'module' },
    },
    rules: {
      // @salesforce/*, lightning/* and c/* modules exist only on the platform (typed in lwc/*.d.ts), and the
      // import plugin cannot read type-only modules.
      'import/no-unresolved': 'off',
      'import/export': 'off',
      'import/named': 'off',
      // types and interfaces may be declared after the code that names them
      'no-use-before-define': 'off',
      // `void promise` marks a deliberately un-awaited promise
      'no-void': ['error', { allowAsStatement: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    name: 'entra-sync/lwc-tests',
    files: LWC_TESTS,
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@lwc/lwc/no-unexpected-wire-adapter-usages': 'off',
      // specs flush LWC's microtask queue step by step (`for (…) await Promise.resolve()`)
      'no-await-in-loop': 'off',
    },
  },

  {
    name: 'entra-sync/tooling',
    files: [...TOOLING, ...TYPE_DECLARATIONS],
    extends: [eslintJs.configs.recommended, ...tseslint.configs.recommended],
    languageOptions: {
      ecmaVersion: 'latest',
      sourceType: 'module',
      globals: { ...globals.node },
    },
    rules: {
      'no-undef': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    name: 'entra-sync/commonjs',
    files: ['*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    name: 'entra-sync/browser-tests',
    files: ['test/browser/**/*.ts', 'packages/dev-env/ui/**/*.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
