// ESLint 9 flat config. `npm run lint` = `eslint --max-warnings 0 .`
// typescript-eslint's recommended rules without type information, to keep lint fast;
// `npm run typecheck` (tsc) covers the type-level checks.
import { createRequire } from 'node:module';

import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Global names for plain-JS files. The `globals` package ships with ESLint itself (through
// @eslint/eslintrc); resolve it from there rather than relying on npm's hoisting.
const require = createRequire(import.meta.url);
const fromEslint = createRequire(require.resolve('eslint'));
const globals = createRequire(fromEslint.resolve('@eslint/eslintrc'))('globals');

const unusedVars = [
  'error',
  {
    args: 'after-used',
    argsIgnorePattern: '^_',
    varsIgnorePattern: '^_',
    caughtErrors: 'none',
    ignoreRestSiblings: true,
  },
];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'coverage/**',
      'test-results/**',
      'bench/results*',
      'bench/out/**',
      'bench/output/**',
      '**/custom-elements.json',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': unusedVars,
      // (No consistent-type-imports: tsc's verbatimModuleSyntax already requires `type` on
      // type imports, and a value import kept only for its side effect, like registering a
      // custom element, must stay a value import.)
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': unusedVars,
    },
  },
  {
    // tooling: scripts/ and the root config files run in Node
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ignores: ['demo/**', 'src/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // plain JS that runs in the page (the demo's scripts)
    files: ['demo/**/*.js', 'demo/**/*.mjs', 'src/**/*.js'],
    languageOptions: {
      globals: { ...globals.browser },
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // chai: expect(x).to.be.true / .to.exist are expressions by design
      '@typescript-eslint/no-unused-expressions': 'off',
      // tests read untyped JSON responses and poke at internals
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
);
