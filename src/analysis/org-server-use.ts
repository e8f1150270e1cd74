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
import { quoted, replaceNode, textOf, type TextEdit } from './edits.js';
import type { Binding } from './file-index.js';
import { issuerFactsOf, type IssuerFact } from './issuer-facts.js';
import { isIdentifier, isMemberExpression, unwrap, walkNodes, type AstNode } from './syntax.js';
import type { TokenSourceAnalysis } from './token-sources.js';
import type { SlotFact, VerificationAnalysis, VerificationSite } from './verify-sites.js';

export type OrgServerFinding =
  /** The expected issuer is an org server's; `node` is the issuer option. */
  | { readonly kind: 'org-issuer'; readonly node: AstNode; readonly site: VerificationSite; readonly fact: IssuerFact; readonly customIssuer: string; readonly toCustomServer: readonly TextEdit[] }
  /** Keys come from an org server's `/oauth2/v1/keys`; `node` is the URL. */
  | { readonly kind: 'org-keys'; readonly node: AstNode; readonly site: VerificationSite; readonly fact: IssuerFact; readonly customIssuer: string; readonly toCustomServer: readonly TextEdit[] }
  /** The expected audience is the org URL, the audience of org access tokens. */
  | { readonly kind: 'org-audience'; readonly node: AstNode; readonly site: VerificationSite; readonly fact: IssuerFact; readonly customIssuer: string; readonly toCustomServer: readonly TextEdit[] }
  /** An issuer no Okta server has; `site` is the verification that expects it (absent for a sign-in client). */
  | { readonly kind: 'malformed-issuer'; readonly node: AstNode; readonly fact: IssuerFact; readonly problem: MalformedIssuerProblem; readonly site?: VerificationSite };

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
  for (const site of sites) {
    const issuerFacts = issuerFactsOf(site.issuer?.value, options);
    for (const fact of issuerFacts) {
      if (fact.shape.kind === 'okta-malformed' && site.issuer) add({ kind: 'malformed-issuer', node: site.issuer.node, fact, problem: fact.shape.problem, site });
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
    const toCustomServer = customServerEdits(analysis, source, site, issuer, keys?.fact, audience);
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

/** Whether a site's issuer or keys are an Okta org authorization server's, whatever kind of token it checks. */
export function usesOrgServer(site: VerificationSite, options: IssuerClassificationOptions = {}): boolean {
  const orgIssuer = issuerFactsOf(site.issuer?.value, options).some((fact) => fact.shape.kind === 'okta-org' && fact.shape.endpoint === undefined);
  return orgIssuer || orgKeysFact(site, options) !== undefined;
}

/** The origin of the org authorization server a site verifies tokens of (`https://acme.okta.com`), when it is written. */
export function orgServerOrigin(site: VerificationSite, options: IssuerClassificationOptions = {}): string | undefined {
  const keys = orgKeysFact(site, options);
  const facts = [...issuerFactsOf(site.issuer?.value, options), ...(keys ? [keys.fact] : [])];
  const org = facts.find((fact) => fact.shape.kind === 'okta-org' && 'origin' in fact.shape && fact.shape.origin !== undefined);
  return org && 'origin' in org.shape ? org.shape.origin : undefined;
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
 * audience. Each value is edited once, where it is defined: a keys URL built from the issuer constant that
 * gains `/oauth2/default` only loses its `/oauth2`; an audience whose constant also writes the issuer or the
 * keys URL is replaced where it is used. Empty unless the issuer, the keys and the audience the site names
 * can all be edited in this file: a half-moved site would reject every token.
 */
function customServerEdits(
  analysis: VerificationAnalysis,
  source: string,
  site: VerificationSite,
  issuer: IssuerFact | undefined,
  keys: IssuerFact | undefined,
  audience: IssuerFact | undefined,
): TextEdit[] {
  const index = analysis.resolver.index;
  // Values followed into other modules have nodes of other files: only this file's literals are edited.
  const editable = (fact: IssuerFact | undefined) =>
    fact?.node && (fact.node === index.program || index.parentOf(fact.node)) && isStringOrTemplate(fact.node) ? fact.node : undefined;
  const issuerNode = editable(issuer);
  // The keys URL may be a concatenation (`ISSUER + '/oauth2/v1/keys'`): the literal that writes the path is edited.
  const keysNode = keys?.node && (keys.node === index.program || index.parentOf(keys.node)) ? literalWriting(keys.node, source, '/oauth2/v1/') : undefined;
  if ((issuer && !issuerNode) || (keys && !keysNode) || (!issuerNode && !keysNode)) return [];

  const edits: TextEdit[] = [];
  if (issuerNode) edits.push(replaceNode(issuerNode, textOf(source, issuerNode).replace(/\/*(['"`])$/, '/oauth2/default$1')));
  if (keysNode && keys?.node) {
    const builtOnIssuer = issuerNode !== undefined && readsDefinition(analysis, keys.node, issuerNode);
    edits.push(replaceNode(keysNode, textOf(source, keysNode).replace('/oauth2/v1/', builtOnIssuer ? '/v1/' : '/oauth2/default/v1/')));
  }
  if (audience) {
    const audienceNode = editable(audience);
    const shared = audienceNode === issuerNode || [issuerNode, keysNode].some((edited) => edited && audienceNode && readsDefinition(analysis, edited, audienceNode));
    const target = audienceNode && !shared ? audienceNode : site.audience?.node;
    if (!target) return [];
    edits.push(replaceNode(target, quoted(source, DEFAULT_CUSTOM_AS_AUDIENCE)));
  }
  return edits;
}

/** The string literal or template, `node` itself or a part of the concatenation it is, whose text holds `text`. */
function literalWriting(node: AstNode, source: string, text: string): AstNode | undefined {
  const inner = unwrap(node);
  if (isStringOrTemplate(inner)) return textOf(source, inner).includes(text) ? inner : undefined;
  if (inner.type === 'BinaryExpression' && inner.operator === '+') {
    return literalWriting(inner.left as AstNode, source, text) ?? literalWriting(inner.right as AstNode, source, text);
  }
  return undefined;
}

/** Whether some expression inside `node` evaluates to the value written at `definition`. */
function readsDefinition(analysis: VerificationAnalysis, node: AstNode, definition: AstNode): boolean {
  const index = analysis.resolver.index;
  let reads = false;
  walkNodes(node, (current) => {
    if (reads) return false;
    if (current !== node && ((isIdentifier(current) && index.isReference(current)) || isMemberExpression(current))) {
      const value = analysis.values.evaluate(current);
      if ('node' in value && value.node === definition) reads = true;
    }
    return !reads;
  });
  return reads;
}
