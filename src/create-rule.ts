/** The one rule creator: ties each rule to its documentation page and types the plugin's docs fields. */
import { RuleCreator } from '@typescript-eslint/utils/eslint-utils';
import packageJson from '../package.json' with { type: 'json' };

/** Which preset first includes a rule: `recommended` (and so `strict` and `all`), or `strict`. */
export type Preset = 'recommended' | 'strict';

export interface OidcRuleDocs {
  description: string;
  /** The preset that turns the rule on; rules without one are only in `all`. */
  recommended?: Preset;
  /** Type information makes the rule see more (imported constants); it works without. */
  requiresTypeChecking?: false;
}

const REPOSITORY = 'https://github.com/eslint-plugin-oidc/eslint-plugin-oidc';

/** The rule's documentation in the released version the user runs. */
export function ruleDocsUrl(name: string): string {
  return `${REPOSITORY}/blob/v${packageJson.version}/docs/rules/${name}.md`;
}

export const createRule = RuleCreator<OidcRuleDocs>(ruleDocsUrl);
