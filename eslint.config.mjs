// ESLint (flat config): typescript-eslint's recommended rules on the service, tests, benches and scripts.
// Formatting is Prettier's job (.prettierrc.json); rules here are about code that is wrong or misleading.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'dist-bench/**', 'node_modules/**', 'coverage/**', 'src/console/web/openapi-types.ts', '**/*.js', '**/*.cjs', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // unused arguments named _x are deliberate (a handler's signature); everything else unused is an error
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Nest providers and CommonJS-only packages are loaded lazily with require() on purpose (first use only)
      '@typescript-eslint/no-require-imports': 'off',
      // class-validator DTOs and Nest modules are classes with only decorators
      '@typescript-eslint/no-extraneous-class': 'off',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // tests, benches, scripts and the CLI print on purpose
    files: ['test/**', 'bench/**', 'scripts/**', 'src/cli.ts', 'src/**/*.cli.ts', 'src/**/*.spec.ts'],
    rules: {
      'no-console': 'off',
      // tests read JSON bodies whose shape the assertions check
      '@typescript-eslint/no-explicit-any': 'off',
      // a result declared before try/finally and written in it reads as a useless first value
      'no-useless-assignment': 'off',
    },
  },
);
