// ESLint's defineConfig(): a preset as an element, the plugin under `plugins`, a rule turned down.
import { defineConfig } from 'eslint/config';
import oidc from 'eslint-plugin-oidc';
import tseslint from 'typescript-eslint';

export default defineConfig([
  { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } },
  oidc.configs.strict,
  { files: ['legacy/**'], plugins: { oidc }, rules: { 'oidc/no-id-token-as-bearer': 'warn' } },
]);
