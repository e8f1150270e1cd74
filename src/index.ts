/**
 * eslint-plugin-oidc: rules that find broken OAuth 2.0 / OpenID Connect token validation. Presets are
 * generated from each rule's `meta.docs`, never listed by hand. This entry loads no TypeScript compiler,
 * jscodeshift or ts-morph: editors load it on every start.
 */
import type { TSESLint } from '@typescript-eslint/utils';
import type { ESLint, Linter } from 'eslint';
import { name as packageName, version as packageVersion } from '../package.json';
import noForeignTokenVerification from '../rules/no-foreign-token-verification.js';
import noHardcodedJwtKey from '../rules/no-hardcoded-jwt-key.js';
import noIdTokenAsBearer from '../rules/no-id-token-as-bearer.js';
import noOrgAsLocalVerification from '../rules/no-org-as-local-verification.js';
import type { OidcRuleDocs, Preset } from './create-rule.js';

type OidcRule = TSESLint.RuleModule<string, readonly unknown[], OidcRuleDocs>;

export const rules = {
  'no-foreign-token-verification': noForeignTokenVerification,
  'no-hardcoded-jwt-key': noHardcodedJwtKey,
  'no-id-token-as-bearer': noIdTokenAsBearer,
  'no-org-as-local-verification': noOrgAsLocalVerification,
} satisfies Record<string, OidcRule>;

export type RuleName = keyof typeof rules;
export type ConfigName = 'recommended' | 'strict' | 'all';

const NAMESPACE = 'oidc';

/** Which presets include a rule that declares `recommended: preset`. */
const PRESETS_INCLUDING: Record<Preset | 'none', readonly ConfigName[]> = {
  recommended: ['recommended', 'strict', 'all'],
  strict: ['strict', 'all'],
  none: ['all'],
};

/** A preset's entry for a rule; mutable, as ESLint's own `Linter.RuleEntry` is. */
type RuleEntry = 'error' | ['error', ...unknown[]];

/**
 * - `recommended`: rules whose findings have no known false-positive class, with their default options;
 * - `strict`: adds rules marked `strict`, and turns on each rule's tightening options (`strictOptions`);
 * - `all`: every rule, tightened as in `strict`.
 */
function presetRules(config: ConfigName): Record<string, RuleEntry> {
  const entries = Object.entries(rules as Record<string, OidcRule>).filter(([, rule]) =>
    PRESETS_INCLUDING[rule.meta.docs?.recommended ?? 'none'].includes(config),
  );
  return Object.fromEntries(
    entries.map(([name, rule]) => {
      const tightened = rule.meta.docs?.strictOptions;
      const entry: RuleEntry = config !== 'recommended' && tightened ? ['error', ...tightened] : 'error';
      return [`${NAMESPACE}/${name}`, entry];
    }),
  );
}

/**
 * The plugin's types are ESLint's own, from the user's `eslint` (the peer dependency, 9 or 10): a preset
 * goes wherever a `Linter.Config` goes (a `Linter.Config[]`, `defineConfig()` from `eslint/config`,
 * typescript-eslint's `config()`), and the plugin wherever an `ESLint.Plugin` goes.
 */
export type OidcConfig = Linter.Config & {
  name: string;
  plugins: Record<string, OidcPlugin>;
  rules: NonNullable<Linter.Config['rules']>;
};

export interface OidcPlugin {
  meta: { name: string; version: string; namespace: string };
  /** typescript-eslint rule modules, which ESLint runs as its own: typed as both. */
  rules: typeof rules & NonNullable<ESLint.Plugin['rules']>;
  configs: Record<ConfigName, OidcConfig>;
}

const plugin: OidcPlugin = {
  meta: { name: packageName, version: packageVersion, namespace: NAMESPACE },
  rules: rules as OidcPlugin['rules'],
  configs: {} as Record<ConfigName, OidcConfig>,
};

for (const config of ['recommended', 'strict', 'all'] as const) {
  plugin.configs[config] = { name: `${NAMESPACE}/${config}`, plugins: { [NAMESPACE]: plugin }, rules: presetRules(config) };
}

export const { meta, configs } = plugin;
export default plugin;
