/**
 * jwks-discovery: verification with a hard-coded key becomes `createAccessTokenVerifier({ issuer,
 * audience })` and `await verifier.verify(token)`: keys from the issuer's discovery document, cached.
 * Every site `oidc/no-hardcoded-jwt-key` reports is either rewritten or reported for review with a reason.
 */
import { issuerFactsOf } from '../src/analysis/issuer-facts.js';
import { pinnedKeyFindings } from '../src/analysis/pinned-keys.js';
import type { VerificationSite } from '../src/analysis/verify-sites.js';
import { quoted } from '../src/analysis/edits.js';
import { knownString } from '../src/analysis/values.js';
import { rangeOf, type AstNode } from '../src/analysis/syntax.js';
import { algorithmsText, audienceText, clockToleranceText, cognitoClientIdText, isCognitoIssuer, issuerText, newConfig } from './lib/helper-config.js';
import { HelperInstances } from './lib/helper-instances.js';
import { bindingsRead } from './lib/hoisting.js';
import { defineTransform, type TransformContext } from './lib/transformer.js';
import { dropPinnedJwksCache, isPinnedJwksCache } from './lib/middleware/aws-jwt-verify.js';
import { isMiddlewareKeySite, rewriteMiddlewareKey } from './lib/middleware/index.js';
import { dropAdapterKeyOption, dropConfigFileKeyOption, isAdapterKeyOptionSite, packageFolderOf } from './lib/keycloak-connect.js';
import { providerPlanFor } from './lib/provider-discovery.js';
import { selfIssuedReasonFor } from './lib/self-issued.js';
import { keyLookupGuards, localKeyLookup, KEY_LOOKUP_GUARD_NOTE, KEY_LOOKUP_KEPT_NOTE } from './lib/key-lookup-guards.js';
import { removeUnused, wholeStatement } from './lib/unused.js';
import { applyCallRewrite, rewriteVerificationCall } from './lib/verification-rewrites.js';

/** Stands for the verifier's name until it is declared. */
const INSTANCE = '\u0000verifier\u0000';

function rewrite(context: TransformContext): void {
  const helpers = new HelperInstances(context);
  const replaced: (readonly [number, number])[] = [];
  const keep = new Set<unknown>();
  const keyImports: AstNode[] = [];
  const lookups: { site: VerificationSite; declaration: AstNode }[] = [];

  // keycloak-connect reading a keycloak.json the code does not show: the file is read (beside the package).
  const readsConfigFile = context.analysis.sites().some((site) => !site.keySlot && isAdapterKeyOptionSite(site));
  const files = readsConfigFile ? { files: { filename: context.path, cwd: packageFolderOf(context.path) } } : {};
  for (const finding of pinnedKeyFindings(context.analysis, context.source, { reportSelfIssued: true, ...files })) {
    const selfIssued = selfIssuedReasonFor(context, finding);
    if (selfIssued) {
      context.review(finding.node, selfIssued);
      continue;
    }
    if (finding.kind === 'key-import' && isPinnedJwksCache(finding.call)) {
      dropPinnedJwksCache(context, finding.call, { replaced, keep });
      continue;
    }
    if (finding.kind === 'key-import') {
      // Reported once the rewrites are known: material that only fed a replaced verification goes with it.
      keyImports.push(finding.node);
      continue;
    }
    if (finding.kind === 'constant') {
      context.review(finding.node, `'${finding.name}' holds a key for other modules: rewrite their verification, then remove it (the CLI's project pass does both)`);
      continue;
    }
    if (finding.kind === 'config-file') {
      const problem = dropConfigFileKeyOption(context, finding);
      if (problem) context.review(finding.node, problem);
      continue;
    }
    const site = finding.site;
    if (issuerFactsOf(site.issuer?.value).some((fact) => fact.shape.kind === 'okta-org' && fact.shape.endpoint === undefined)) {
      context.review(finding.node, 'the issuer is an Okta org authorization server, whose access tokens cannot be verified locally: run the org-as-introspection transform', 'org-as-introspection');
      continue;
    }
    if (finding.kind === 'material' && isAdapterKeyOptionSite(site)) {
      // keycloak-connect without realm-public-key fetches the realm's keys itself: no runtime needed.
      // In the JSON file the adapter is given, the CLI removes it (and counts the rewrite once it has).
      const outcome = dropAdapterKeyOption(context, site, replaced);
      if (outcome === 'removed') context.rewrote(site.call.node);
      else if (outcome !== 'config-file') context.review(finding.node, outcome.reason);
      continue;
    }
    const issuer = knownString(site.issuer?.value);
    if (issuer !== undefined && !/^https?:\/\//i.test(issuer.trim())) {
      // `urn:acme:event-bus`: no discovery document to take keys from; the runtime refuses such an issuer.
      context.review(finding.node, `the issuer '${issuer}' is not an https URL, so its keys cannot be discovered: have the token's signer publish its keys at an https JWKS URL and verify against that`);
      continue;
    }
    if (context.runtimeUnavailable) {
      context.review(finding.node, context.runtimeUnavailable);
      continue;
    }
    const config = newConfig();
    // Each provider's discovery: its issuer spelling, Entra's audiences; its own APIs' tokens go to review.
    const plan = providerPlanFor(context, site, config);
    if (plan.kind === 'review') {
      context.review(finding.node, plan.reason);
      continue;
    }
    if (isCognitoIssuer(context, site)) {
      // Cognito access tokens carry `token_use` and `client_id` instead of `aud`.
      config.properties.push(['issuer', issuerText(context, site, config)], ['tokenUse', quoted(context.source, 'access')], ['clientId', cognitoClientIdText(context, site, config)]);
    } else {
      config.properties.push(['issuer', plan.issuer ?? issuerText(context, site, config)], ['audience', plan.audience ?? audienceText(context, site, config)]);
    }
    const algorithms = algorithmsText(context, site);
    if (algorithms) config.properties.push(['algorithms', algorithms]);
    const clockTolerance = clockToleranceText(site);
    if (clockTolerance) config.properties.push(['clockTolerance', clockTolerance]);

    if (isMiddlewareKeySite(site)) {
      rewriteMiddlewareKey(context, site, config, helpers, { replaced, keep });
      continue;
    }
    const result = rewriteVerificationCall(context, site, INSTANCE, 'verify');
    if (!result.ok) {
      context.review(site.call.node, result.reason);
      continue;
    }
    const instance = helpers.instance('createAccessTokenVerifier', config.properties, site.call.node, config.reads, config.notes.join('; ') || undefined);
    if (!instance.ok) {
      context.review(site.call.node, instance.reason);
      continue;
    }
    const { name } = instance;
    applyCallRewrite(context, site, result.rewrite, INSTANCE, name);
    replaced.push(...result.rewrite.replaced);
    const lookup = localKeyLookup(context, site);
    if (lookup) lookups.push({ site, declaration: lookup });
    const guards = keyLookupGuards(context, site);
    if (guards) {
      context.edit(...guards.statements.map((statement) => wholeStatement(context.source, statement)));
      replaced.push(...guards.statements.map(rangeOf));
      if (!guards.sameRefusal) context.review(site.call.node, KEY_LOOKUP_GUARD_NOTE);
    }
    for (const binding of config.reads) keep.add(binding);
    for (const node of result.rewrite.copied) for (const binding of bindingsRead(context.index, node)) keep.add(binding);
    context.rewrote(site.call.node);
    for (const note of config.notes) context.review(site.call.node, note);
  }

  const removals = replaced.length === 0 ? [] : removeUnused(context.source, context.index, context.analysis.resolver, replaced, keep);
  for (const node of keyImports) {
    const [start, end] = rangeOf(node);
    if (removals.some(({ range }) => range[0] <= start && end <= range[1])) continue;
    context.review(node, 'key material is imported here, but no verification in this file uses it: resolve keys from the issuer\'s JWKS where they are used');
  }
  const removedAt = (node: AstNode) => removals.some(({ range }) => range[0] <= rangeOf(node)[0] && rangeOf(node)[1] <= range[1]);
  for (const { site, declaration } of lookups) {
    if (!removedAt(declaration)) context.review(site.call.node, KEY_LOOKUP_KEPT_NOTE);
  }
  if (replaced.length === 0) return;
  context.edit(...helpers.edits(), ...removals);
}

const transform = defineTransform('jwks-discovery', rewrite);
export const jwksDiscovery = transform.run;
export default transform.jscodeshiftTransform;
