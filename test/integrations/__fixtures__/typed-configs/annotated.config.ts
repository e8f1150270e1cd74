// A plain array annotated with ESLint's own type.
import type { Linter } from 'eslint';
import oidc from 'eslint-plugin-oidc';
import tseslint from 'typescript-eslint';

const config: Linter.Config[] = [
  { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } },
  oidc.configs.all,
];

export default config;
