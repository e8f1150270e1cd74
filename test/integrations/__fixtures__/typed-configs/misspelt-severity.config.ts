// The control: the same types refuse a misspelt severity, so the other fixtures type-check for a reason.
import type { Linter } from 'eslint';
import oidc from 'eslint-plugin-oidc';

const config: Linter.Config[] = [oidc.configs.recommended, { plugins: { oidc }, rules: { 'oidc/no-hardcoded-jwt-key': 'eror' } }];

export default config;
