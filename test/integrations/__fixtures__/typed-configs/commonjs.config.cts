// A CommonJS TypeScript config: the package's require() types (index.d.cts).
import type { Linter } from 'eslint';
import oidc = require('eslint-plugin-oidc');
import tseslint = require('typescript-eslint');

const config: Linter.Config[] = [
  { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } },
  oidc.configs.recommended,
];

export = config;
