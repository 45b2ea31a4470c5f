// ESLint (flat config) for the browser code, its build script and its tests: `npm run lint`.
// The recommended rules catch real mistakes (undefined names, unused variables, unreachable
// code); the few added below keep the code as it is written today. Layout is not linted.
import js from '@eslint/js'
import globals from 'globals'

export default [
  { ignores: ['dist/', 'node_modules/'] },
  js.configs.recommended,
  {
    languageOptions: { ecmaVersion: 'latest', sourceType: 'module', globals: globals.browser },
    rules: {
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-new': 'error',
      'no-var': 'error',
      'prefer-const': 'error',
      'no-unused-vars': ['error', { args: 'after-used', caughtErrors: 'none' }],
    },
  },
  { files: ['src/sw.js'], languageOptions: { globals: globals.serviceworker } },
  { files: ['build.mjs', 'eslint.config.js', 'test/**/*.js'], languageOptions: { globals: globals.node } },
]
