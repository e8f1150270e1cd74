/**
 * The one rule creator: ties each rule to its documentation page and types the plugin's docs fields.
 * Options come from `meta.defaultOptions`, which ESLint (9.15 and later) merges into `context.options`
 * itself, so the rule reads them as they are: no copy of the defaults per rule and file.
 */
import type { TSESLint } from '@typescript-eslint/utils';

/** Which preset first includes a rule: `recommended` (and so `strict` and `all`), or `strict`. */
export type Preset = 'recommended' | 'strict';

export interface OidcRuleDocs {
  description: string;
  /**
   * The preset that turns the rule on: `recommended` for findings with no known false-positive class,
   * `strict` for rules that need a closer look; rules without one are only in `all`.
   */
  recommended?: Preset;
  /** Options that tighten the rule, which `strict` and `all` turn on (`recommended` keeps the defaults). */
  strictOptions?: readonly unknown[];
  /** Type information makes the rule see more (imported constants); it works without. */
  requiresTypeChecking?: false;
}

const REPOSITORY = 'https://github.com/eslint-plugin-oidc/eslint-plugin-oidc';

/**
 * The rule's documentation on the default branch: a page that exists for every rule the plugin ships
 * (the package also carries it, under docs/rules/). Versions are not tagged in the repository.
 */
export function ruleDocsUrl(name: string): string {
  return `${REPOSITORY}/blob/main/docs/rules/${name}.md`;
}

type RuleMeta<MessageIds extends string, Options extends readonly unknown[]> = Omit<TSESLint.RuleMetaData<MessageIds, OidcRuleDocs, Options>, 'docs' | 'defaultOptions'> & {
  docs: OidcRuleDocs;
  defaultOptions: Options;
};

export interface RuleDefinition<Options extends readonly unknown[], MessageIds extends string> {
  name: string;
  meta: RuleMeta<MessageIds, Options>;
  create: (context: Readonly<TSESLint.RuleContext<MessageIds, Options>>, options: Options) => TSESLint.RuleListener;
}

export type OidcRule<Options extends readonly unknown[], MessageIds extends string> = TSESLint.RuleModule<MessageIds, Options, OidcRuleDocs> & { name: string };

export function createRule<Options extends readonly unknown[], MessageIds extends string>({ name, meta, create }: RuleDefinition<Options, MessageIds>): OidcRule<Options, MessageIds> {
  return {
    name,
    meta: { ...meta, docs: { ...meta.docs, url: ruleDocsUrl(name) } },
    defaultOptions: meta.defaultOptions,
    create: (context) => create(context, (context.options.length > 0 ? context.options : meta.defaultOptions) as Options),
  };
}
