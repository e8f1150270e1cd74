/**
 * The one rule creator: ties each rule to its documentation page and types the plugin's docs fields.
 * Options come from `meta.defaultOptions`, which ESLint (9.15 and later) merges into `context.options`
 * itself, so the rule reads them as they are: no copy of the defaults per rule and file.
 *
 * Each rule is one `create` for both hosts. ESLint calls it per file; oxlint, which prefers a rule's
 * `createOnce`, gets one built here that calls the same `create` from its `before` hook (see
 * `oxlintCreateOnce`), so that oxlint never walks a file's syntax tree for the plugin.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

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

/**
 * What a rule listens to: the program, once. The analysis reads a file as a whole and walks the tree
 * itself, so a rule returns `{}` for a file its text pre-check rules out, else one `Program` listener.
 * That is what lets oxlint run the rules without walking the tree (docs/guides/oxlint.md, "Writing a
 * rule that stays fast under oxlint"). A type, not an interface: it must fit ESLint's `RuleListener`,
 * whose index signature interfaces lack.
 */
export type ProgramListener = {
  Program?: (program: TSESTree.Program) => void;
};

export interface RuleDefinition<Options extends readonly unknown[], MessageIds extends string> {
  name: string;
  meta: RuleMeta<MessageIds, Options>;
  create: (context: Readonly<TSESLint.RuleContext<MessageIds, Options>>, options: Options) => ProgramListener;
}

/**
 * oxlint's alternative to `create` (its `@oxlint/plugins` `defineRule` shape, written out here so that
 * the plugin does not depend on oxlint): called once per rule with a context whose per-file members
 * work from the `before` hook on. `before` runs per file ahead of the tree walk, and `false` skips the
 * rule for that file: no walk, and no syntax tree built unless the hook read `sourceCode.ast`.
 */
export interface OxlintVisitor {
  before: () => boolean | void;
  Program: () => void;
}

export type OidcRule<Options extends readonly unknown[], MessageIds extends string> = TSESLint.RuleModule<MessageIds, Options, OidcRuleDocs> & {
  name: string;
  /** For oxlint only; ESLint calls `create`. */
  createOnce: (context: Readonly<TSESLint.RuleContext<MessageIds, Options>>) => OxlintVisitor;
};

export function createRule<Options extends readonly unknown[], MessageIds extends string>({ name, meta, create }: RuleDefinition<Options, MessageIds>): OidcRule<Options, MessageIds> {
  const withOptions = (context: Readonly<TSESLint.RuleContext<MessageIds, Options>>) =>
    create(context, (context.options.length > 0 ? context.options : meta.defaultOptions) as Options);
  return {
    name,
    meta: { ...meta, docs: { ...meta.docs, url: ruleDocsUrl(name) } },
    defaultOptions: meta.defaultOptions,
    create: withOptions,
    createOnce: (context) => oxlintCreateOnce(context, withOptions),
  };
}

/**
 * The rule under oxlint: `before` runs the rule's `create` for the file and, when it listens to the
 * program, runs that listener at once on the tree oxlint builds when `sourceCode.ast` is first read,
 * reporting from the hook; it always returns `false`, so oxlint walks no tree for the plugin. Files the
 * text pre-check rules out cost one `create` call and no tree. Measured on the bench corpus, this spares
 * oxlint's walk of every file the rules analyse (docs/benchmarks.md, "oxlint").
 */
function oxlintCreateOnce<Context extends Readonly<TSESLint.RuleContext<string, readonly unknown[]>>>(
  context: Context,
  create: (context: Context) => ProgramListener,
): OxlintVisitor {
  return {
    before() {
      const listener = create(context);
      listener.Program?.(context.sourceCode.ast);
      return false;
    },
    // Never reached (`before` returns false), but oxlint runs no `before` hook for an empty visitor.
    Program() {},
  };
}
