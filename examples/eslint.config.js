// Lints the example app with the plugin's recommended rules (the package refers to itself by name).
import tsParser from '@typescript-eslint/parser';
import oidc from 'eslint-plugin-oidc';

export default [
  {
    files: ['**/*.{js,cjs,mjs,ts,tsx}'],
    languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } },
  },
  oidc.configs.recommended,
];
