/**
 * Access tokens of an Okta org authorization server verified locally, and malformed Okta issuers. What
 * `oidc/no-org-as-local-verification` reports and the `org-as-introspection` codemod rewrites.
 */
import {
  customAuthorizationServerIssuer,
  DEFAULT_CUSTOM_AS_AUDIENCE,
  type IssuerClassificationOptions,
  type MalformedIssuerProblem,
} from '../knowledge/issuers.js';
import { clientIdInAudience } from './client-ids.js';
import { replaceNode, textOf, type TextEdit } from './edits.js';
import type { Binding } from './file-index.js';
import { issuerFactsOf, type IssuerFact } from './issuer-facts.js';
import { unwrap, type AstNode } from './syntax.js';
import type { TokenSourceAnalysis } from './token-sources.js';
import type { SlotFact, VerificationAnalysis, VerificationSite } from './verify-sites.js';

export type OrgServerFinding =
  /** The expected issuer is an org server's; `node` is the issuer option. */
  | { readonly kind: 'org-issuer'; readonly node: AstNode; readonly site: VerificationSite; readonly fact: IssuerFact; readonly customIssuer: string; readonly toCustomServer: readonly TextEdit[] }
  /** Keys come from an org server's `/oauth2/v1/keys`; `node` is the URL. */
  | { readonly kind: 'org-keys'; readonly node: AstNode; readonly site: VerificationSite; readonly fact: IssuerFact; readonly customIssuer: string; readonly toCustomServer: readonly TextEdit[] }
  /** The expected audience is the org URL, the audience of org access tokens. */
  | { readonly kind: 'org-audience'; readonly node: AstNode; readonly site: VerificationSite; readonly fact: IssuerFact; readonly customIssuer: string; readonly toCustomServer: readonly TextEdit[] }
  | { readonly kind: 'malformed-issuer'; readonly node: AstNode; readonly fact: IssuerFact; readonly problem: MalformedIssuerProblem };

export type OrgAccessTokenFinding = Exclude<OrgServerFinding, { kind: 'malformed-issuer' }>;

export function orgServerFindings(
  analysis: VerificationAnalysis,
  tokens: TokenSourceAnalysis,
  source: string,
  options: IssuerClassificationOptions = {},
): OrgServerFinding[] {
  const findings: OrgServerFinding[] = [];
  const atNode = new Set<AstNode>();
  const add = (finding: OrgServerFinding) => {
    if (atNode.has(finding.node)) return;
    atNode.add(finding.node);
    findings.push(finding);
  };

  const sites = analysis.sites();
  const index = analysis.resolver.index;
  for (const site of sites) {
    const issuerFacts = issuerFactsOf(site.issuer?.value, options);
    for (const fact of issuerFacts) {
      if (fact.shape.kind === 'okta-malformed' && site.issuer) add({ kind: 'malformed-issuer', node: site.issuer.node, fact, problem: fact.shape.problem });
    }
    if (!checksAccessTokens(site, sites, analysis, tokens)) continue;

    const issuer = issuerFacts.find((fact) => fact.shape.kind === 'okta-org' && fact.shape.endpoint === undefined);
    const keys = orgKeysFact(site, options);
    const audience = issuerFactsOf(site.audience?.value, options).find(
      (fact) => fact.shape.kind === 'okta-org' && fact.shape.endpoint === undefined && fact.node !== undefined,
    );
    const anchor = issuer ?? keys?.fact ?? audience;
    if (!anchor) continue;
    const customIssuer = customIssuerText(anchor);
    // Values followed into other modules have nodes of other files: only this file's nodes are edited.
    const local = (fact: IssuerFact | undefined) => (fact?.node && (fact.node === index.program || index.parentOf(fact.node)) ? fact : undefined);
    const toCustomServer = customServerEdits(source, local(issuer), local(keys?.fact), local(audience));
    if (issuer && site.issuer) add({ kind: 'org-issuer', node: site.issuer.node, site, fact: issuer, customIssuer, toCustomServer });
    else if (keys) add({ kind: 'org-keys', node: urlArgument(keys.slot.node), site, fact: keys.fact, customIssuer, toCustomServer });
    else if (audience && site.audience) add({ kind: 'org-audience', node: site.audience.node, site, fact: audience, customIssuer, toCustomServer });
  }

  // Sign-in clients may use the org server, but not a malformed issuer.
  for (const call of analysis.resolver.apiCalls()) {
    if (call.api.role !== 'sign-in-client' || !call.api.issuer) continue;
    const issuer = analysis.slot(call, call.api.issuer);
    for (const fact of issuerFactsOf(issuer?.value, options)) {
      if (fact.shape.kind === 'okta-malformed' && issuer) add({ kind: 'malformed-issuer', node: issuer.node, fact, problem: fact.shape.problem });
    }
  }
  return findings;
}

/**
 * Whether the site checks access tokens: not `verifyIdToken`, not a token evidently an ID token (from a
 * token response, an SDK, a variable so named), not an audience that is a client id (ID tokens carry the
 * client id as audience). An `OktaJwtVerifier` counts through the methods called on it here, or when it
 * is exported for others to use.
 */
function checksAccessTokens(site: VerificationSite, sites: readonly VerificationSite[], analysis: VerificationAnalysis, tokens: TokenSourceAnalysis): boolean {
  if (site.tokenKind === 'id') return false;
  if (clientIdInAudience(site.audience?.value)) return false;
  if (site.token) {
    const origin = tokens.originOf(site.token);
    if ('tokenType' in origin && origin.tokenType === 'id') return false;
  }
  if (site.role === 'verifier' && site.library === '@okta/jwt-verifier') {
    if (sites.some((other) => other.call.maker?.node === site.call.node)) return false; // Judged at each method call.
    const index = analysis.resolver.index;
    const parent = index.parentOf(site.call.node);
    // `module.exports = new OktaJwtVerifier(...)`, `export default new OktaJwtVerifier(...)`.
    if (parent?.type === 'ExportDefaultDeclaration') return true;
    if (parent?.type === 'AssignmentExpression' && parent.right === site.call.node && /^(module\.)?exports\b/.test(dottedTarget(parent.left as AstNode))) return true;
    const binding = parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier' ? index.resolve(parent.id as AstNode) : undefined;
    return !!binding && index.isExported(binding) && !usedOnlyForIdTokens(binding, analysis);
  }
  return true;
}

function dottedTarget(node: AstNode): string {
  if (node.type === 'Identifier') return node.name as string;
  if (node.type === 'MemberExpression' && !node.computed && node.property.type === 'Identifier') return `${dottedTarget(node.object as AstNode)}.${node.property.name as string}`;
  return '';
}

function usedOnlyForIdTokens(binding: Binding, analysis: VerificationAnalysis): boolean {
  const index = analysis.resolver.index;
  const methods = index
    .referencesOf(binding)
    .map((reference) => index.parentOf(reference))
    .filter((parent): parent is AstNode => !!parent && parent.type === 'MemberExpression')
    .map((member) => (member.property as AstNode).name as string | undefined);
  return methods.length > 0 && methods.every((method) => method === 'verifyIdToken');
}

/** The org keys URL a site's key set, resolver or `jwksUri` option fetches from. */
function orgKeysFact(site: VerificationSite, options: IssuerClassificationOptions): { fact: IssuerFact; slot: SlotFact } | undefined {
  const key = site.key;
  const remote = key?.kind === 'remote-jwks' ? key : key?.kind === 'resolver' ? key.remote : undefined;
  for (const slot of [remote?.url, site.jwksUri]) {
    if (!slot) continue;
    const fact = issuerFactsOf(slot.value, options).find((candidate) => candidate.shape.kind === 'okta-org' && candidate.shape.endpoint === 'keys');
    if (fact) return { fact, slot };
  }
  return undefined;
}

/** `new URL(x)` is reported at `x`, the text the user wrote. */
function urlArgument(node: AstNode): AstNode {
  const inner = unwrap(node);
  if (inner.type === 'NewExpression' && inner.callee.type === 'Identifier' && inner.callee.name === 'URL' && inner.arguments.length === 1) {
    return inner.arguments[0] as AstNode;
  }
  return node;
}

function customIssuerText(fact: IssuerFact): string {
  if ('origin' in fact.shape && fact.shape.origin) return customAuthorizationServerIssuer(fact.shape.origin);
  return customAuthorizationServerIssuer(fact.text.replace(/\/oauth2\/v1\/.*$/, '').replace(/\/+$/, ''));
}

function isStringOrTemplate(node: AstNode): boolean {
  return node.type === 'TemplateLiteral' || node.type === 'StringLiteral' || (node.type === 'Literal' && typeof node.value === 'string');
}

/**
 * Rewrites the literals that wrote the org URLs so that they name the default custom authorization server:
 * `/oauth2/default` on the issuer, `/oauth2/default/v1/keys` for the keys, `api://default` for an org
 * audience. Empty unless the issuer or the keys can be edited: otherwise tokens would still come from the
 * org server.
 */
function customServerEdits(source: string, issuer: IssuerFact | undefined, keys: IssuerFact | undefined, audience: IssuerFact | undefined): TextEdit[] {
  const edits = new Map<AstNode, TextEdit>();
  const literalText = (node: AstNode | undefined) => (node && isStringOrTemplate(node) ? textOf(source, node) : undefined);

  const issuerText = literalText(issuer?.node);
  if (issuer?.node && issuerText !== undefined) edits.set(issuer.node, replaceNode(issuer.node, issuerText.replace(/\/*(['"`])$/, '/oauth2/default$1')));
  const keysText = literalText(keys?.node);
  if (keys?.node && keysText?.includes('/oauth2/v1/')) edits.set(keys.node, replaceNode(keys.node, keysText.replace('/oauth2/v1/', '/oauth2/default/v1/')));
  if (edits.size === 0) return [];
  const audienceText = literalText(audience?.node);
  if (audience?.node && audienceText !== undefined && !edits.has(audience.node)) {
    const quote = audienceText[0] === '`' ? "'" : audienceText[0];
    edits.set(audience.node, replaceNode(audience.node, `${quote}${DEFAULT_CUSTOM_AS_AUDIENCE}${quote}`));
  }
  return [...edits.values()];
}
