/**
 * ID tokens used as API credentials: servers that verify them from the request, verifiers whose audience
 * is a client id, and clients that send them as bearer tokens. What `oidc/no-id-token-as-bearer` reports
 * and the `id-token-to-access-token` codemod rewrites.
 */
import { DEFAULT_CUSTOM_AS_AUDIENCE } from '../knowledge/issuers.js';
import { providerProfile, tokenKindClaims, type ProviderId } from '../knowledge/providers/index.js';
import { clientIdInAudience } from './client-ids.js';
import { commentsDescribing, quoted, replaceNode, textOf, type TextEdit } from './edits.js';
import { isCognitoUserPool, isDefaultCustomServer } from './issuer-facts.js';
import type { FileIndex } from './file-index.js';
import { siteProvider } from './site-providers.js';
import { isCallExpression, isFunction, isIdentifier, isMemberExpression, memberName, rangeOf, stringLiteralValue, unwrap, walkNodes, type AstNode } from './syntax.js';
import { isRequestToken, type TokenOrigin, type TokenSourceAnalysis } from './token-sources.js';
import { knownString, type StaticValue } from './values.js';
import type { SlotFact, VerificationAnalysis, VerificationSite } from './verify-sites.js';

/** An edit that switches to access tokens; `audienceKnown` says whether the audience came from configuration. */
export interface AccessTokenEdit {
  readonly edits: readonly TextEdit[];
  /** The audience written by the edit; undefined when neither configuration nor the caller gave one. */
  readonly audience?: string;
  /** Whether the configuration shows that audience (the issuer is the default custom server). */
  readonly audienceFromConfiguration?: boolean;
  /** A readable form of the replacement, for messages. */
  readonly replacement: string;
}

export type IdTokenFinding =
  /** `verifyIdToken` of a token taken from the request; `node` is the callee. */
  | { readonly kind: 'id-token-from-request'; readonly node: AstNode; readonly site: VerificationSite; readonly toAccessToken?: AccessTokenEdit }
  /**
   * A request token verified with a client id as audience; `node` is the audience. `cognito`: the issuer is a
   * Cognito user pool, whose access tokens carry no audience (`token_use` and `client_id` instead), so no API
   * audience is offered.
   */
  | { readonly kind: 'client-id-audience'; readonly node: AstNode; readonly site: VerificationSite; readonly provider?: ProviderId; readonly audience: string; readonly cognito: boolean; readonly toAccessToken?: AccessTokenEdit }
  /** `Authorization: Bearer <ID token>` built by a client; `node` is the token expression. */
  | { readonly kind: 'id-token-sent'; readonly node: AstNode; readonly origin: TokenOrigin; readonly provider?: ProviderId; readonly toAccessToken?: AccessTokenEdit }
  /** A verifier told to accept ID tokens (`tokenUse: 'id'`) checks request tokens; `node` is the option's value. */
  | { readonly kind: 'id-token-verifier-option'; readonly node: AstNode; readonly site: VerificationSite; readonly provider?: ProviderId; readonly option: string; readonly value: string }
  /** A check that lets only ID tokens through (`payload.typ !== 'ID'` with Keycloak), where request tokens are verified. */
  | { readonly kind: 'id-token-claim-check'; readonly node: AstNode; readonly provider: ProviderId; readonly claim: string; readonly value: string };

/** What an unknown API audience is written as, for a person to fill in. */
export const AUDIENCE_PLACEHOLDER = '<your API audience>';

export interface IdTokenFindingOptions {
  /** The API's audience where configuration does not show it (the codemod's `--audience`). */
  readonly audience?: string;
  /**
   * Every edit is applied together (the codemod), rather than one suggestion at a time: an import that only the
   * switched code named can then be switched with it.
   */
  readonly applyAll?: boolean;
}

export function idTokenFindings(
  analysis: VerificationAnalysis | undefined,
  tokens: TokenSourceAnalysis,
  source: string,
  options: IdTokenFindingOptions = {},
): IdTokenFinding[] {
  const findings: IdTokenFinding[] = [];
  const atNode = new Set<AstNode>();
  const add = (finding: IdTokenFinding) => {
    if (atNode.has(finding.node)) return;
    atNode.add(finding.node);
    findings.push(finding);
  };

  let checksRequestTokens = false;
  for (const site of analysis?.sites() ?? []) {
    if (!readsRequestToken(site, tokens)) continue;
    checksRequestTokens = true;
    const provider = siteProvider(site);
    const profile = provider ? providerProfile(provider) : undefined;
    // Google documents its ID tokens as the credential of Cloud Run, Cloud Functions, IAP and Pub/Sub push.
    if (profile?.idTokensAreBearerCredentials) continue;
    if (site.tokenKind === 'id' && site.tokenKindOption) {
      // Reported at the option where this file writes it, else at the verification.
      const option = site.tokenKindOption;
      const local = analysis!.isLocal(option.node);
      const name = local ? optionName(option.node, analysis!) : undefined;
      add({ kind: 'id-token-verifier-option', node: local ? option.node : (site.call.node.callee as AstNode), site, ...(provider ? { provider } : {}), option: name ?? 'tokenUse', value: knownString(option.value) ?? 'id' });
      continue;
    }
    if (site.tokenKind === 'id') {
      const toAccessToken = verifyAccessTokenEdit(site, source, options);
      add({ kind: 'id-token-from-request', node: site.call.node.callee as AstNode, site, ...(toAccessToken ? { toAccessToken } : {}) });
      continue;
    }
    // The call's audience, and the one its verifier was made with (`assertClaims: { aud }`).
    const maker = site.call.maker;
    // With Entra ID an API's own (v2) access tokens carry its client id as audience: no sign of an ID token.
    if (profile && !profile.clientIdAudienceMeansIdToken) continue;
    for (const audience of [site.audience, maker ? analysis!.slot(maker, maker.api.audience) : undefined]) {
      const clientId = clientIdInAudience(audience?.value);
      if (!clientId || !audience) continue;
      const cognito = isCognitoUserPool(site.issuer?.value);
      const toAccessToken = cognito ? undefined : apiAudienceEdit(site, audience, source, options);
      add({ kind: 'client-id-audience', node: audience.node, site, ...(provider ? { provider } : {}), audience: clientId.text, cognito, ...(toAccessToken ? { toAccessToken } : {}) });
    }
  }

  const sent = tokens.bearerHeaderValues().filter((header) => 'tokenType' in header.origin && header.origin.tokenType === 'id');
  const switching = options.applyAll ? sent.map((header) => header.origin.node) : undefined;
  for (const header of sent) {
    const toAccessToken = sendAccessTokenEdit(header.token, header.origin, source, tokens.resolver.index, switching);
    const provider = header.origin.kind === 'sdk' ? header.origin.provider : undefined;
    add({ kind: 'id-token-sent', node: header.token, origin: header.origin, ...(provider ? { provider } : {}), ...(toAccessToken ? { toAccessToken } : {}) });
  }

  if (checksRequestTokens && analysis) for (const finding of idTokenClaimChecks(analysis.resolver.index.program, source)) add(finding);
  return findings;
}

/** The property name an option value is written under (`tokenUse`). */
function optionName(value: AstNode, analysis: VerificationAnalysis): string | undefined {
  const property = analysis.resolver.index.parentOf(value);
  if (!property || (property.type !== 'Property' && property.type !== 'ObjectProperty') || property.value !== value) return undefined;
  const key = property.key as AstNode;
  return key.type === 'Identifier' ? (key.name as string) : stringLiteralValue(key);
}

const EQUALITY = new Set(['===', '==', '!==', '!=']);
/** Calls that answer a request with a refusal, or raise one. */
const REFUSALS = /^(sendStatus|status|reject|fail|deny|unauthori[sz]ed|forbidden|error|throw\w*)$/i;

/**
 * Checks of a claim whose value names the kind of token (`payload.typ !== 'ID'`, Keycloak) that let only ID
 * tokens through: `!==` (or `!['ID'].includes(typ)`) refuses everything else; `===` (`['ID'].includes(typ)`) does
 * unless it guards a refusal. A `!` around the comparison turns it round.
 */
function idTokenClaimChecks(program: AstNode, source: string): IdTokenFinding[] {
  const claims = tokenKindClaims().filter((claim) => claim.tokenType === 'id');
  if (!claims.some((claim) => source.includes(claim.value))) return [];
  const findings: IdTokenFinding[] = [];
  const parents = new Map<AstNode, AstNode>();
  walkNodes(program, (node) => {
    // ESLint's nodes point at their parent: that link is not a child.
    for (const [key, child] of Object.entries(node)) {
      if (key !== 'parent' && child && typeof child === 'object' && typeof (child as AstNode).type === 'string') parents.set(child as AstNode, node);
    }
    for (const claim of claims) {
      const compared = comparisonOf(node, claim);
      if (!compared) continue;
      const guard = guardedBy(node, parents);
      // True for tokens of another kind: the check lets only this kind through when it refuses on true.
      const trueForOthers = compared.negated !== guard.inverted;
      if (trueForOthers || !guard.refuses) findings.push({ kind: 'id-token-claim-check', node, provider: claim.provider, claim: claim.claim, value: claim.value });
    }
    return true;
  });
  return findings;
}

/** `payload.typ === 'ID'` (or `!==`, `==`, `!=`), or `['ID'].includes(payload.typ)`: whether it is negated. */
function comparisonOf(node: AstNode, claim: { readonly claim: string; readonly value: string }): { negated: boolean } | undefined {
  const readsClaim = (side: AstNode) => isMemberExpression(side) && memberName(side) === claim.claim;
  if (node.type === 'BinaryExpression' && EQUALITY.has(node.operator as string)) {
    const sides = [unwrap(node.left as AstNode), unwrap(node.right as AstNode)];
    if (!sides.some(readsClaim) || !sides.some((side) => stringLiteralValue(side) === claim.value)) return undefined;
    return { negated: (node.operator as string).startsWith('!') };
  }
  if (isCallExpression(node)) {
    const callee = unwrap(node.callee as AstNode);
    const list = isMemberExpression(callee) && memberName(callee) === 'includes' && !callee.computed ? unwrap(callee.object as AstNode) : undefined;
    const argument = (node.arguments as AstNode[])[0];
    if (list?.type !== 'ArrayExpression' || !argument || !readsClaim(unwrap(argument))) return undefined;
    const values = (list.elements as (AstNode | null)[]).map((element) => (element ? stringLiteralValue(element) : undefined));
    return values.length > 0 && values.every((value) => value === claim.value) ? { negated: false } : undefined;
  }
  return undefined;
}

/**
 * `if (payload.typ === 'ID') throw …` / `return res.sendStatus(401)`: whether the comparison decides a refusal, and
 * whether an odd number of `!` stands between them.
 */
function guardedBy(comparison: AstNode, parents: ReadonlyMap<AstNode, AstNode>): { refuses: boolean; inverted: boolean } {
  let current = comparison;
  let parent = parents.get(current);
  let inverted = false;
  while (parent && (parent.type === 'LogicalExpression' || parent.type === 'UnaryExpression' || parent.type === 'ParenthesizedExpression')) {
    if (parent.type === 'UnaryExpression' && parent.operator === '!') inverted = !inverted;
    current = parent;
    parent = parents.get(current);
  }
  if (!parent || (parent.type !== 'IfStatement' && parent.type !== 'ConditionalExpression') || parent.test !== current) return { refuses: false, inverted };
  let refuses = false;
  walkNodes(parent.consequent as AstNode, (node) => {
    if (refuses || isFunction(node)) return false;
    if (node.type === 'ThrowStatement') refuses = true;
    else if (node.type === 'ReturnStatement' && (!node.argument || (node.argument.type === 'Literal' && (node.argument.value === false || node.argument.value === null)))) refuses = true;
    else if (isCallExpression(node)) {
      const callee = unwrap(node.callee as AstNode);
      const name = isMemberExpression(callee) ? memberName(callee) : callee.type === 'Identifier' ? (callee.name as string) : undefined;
      if (name && REFUSALS.test(name)) refuses = true;
    }
    return !refuses;
  });
  return { refuses, inverted };
}

/** The token comes from the request: a verify call on a request token, or middleware that reads the bearer header. */
function readsRequestToken(site: VerificationSite, tokens: TokenSourceAnalysis): boolean {
  if (site.token) return isRequestToken(tokens.originOf(site.token));
  if (site.tokenFrom) return isRequestToken(tokens.originOf(site.tokenFrom.node));
  return site.role === 'verifier' && site.readsBearerHeader;
}

/** The audience of an API's access tokens, and whether it was given or the issuer implies it. */
export interface ApiAudience {
  readonly audience?: string;
  /** The issuer implies it (Okta's default custom authorization server), rather than a person giving it. */
  readonly audienceFromConfiguration?: boolean;
}

/**
 * The audience that replaces a client id (the audience of ID tokens) where the API accepts access tokens:
 * the one given (`--audience`), else the one the issuer implies (`api://default` for Okta's default custom
 * authorization server), else none. A Cognito user pool implies none: its access tokens carry no `aud`.
 */
export function apiAudienceOf(issuer: StaticValue | undefined, given?: string): ApiAudience {
  if (isCognitoUserPool(issuer)) return {};
  if (given) return { audience: given };
  return isDefaultCustomServer(issuer) ? { audience: DEFAULT_CUSTOM_AS_AUDIENCE, audienceFromConfiguration: true } : {};
}

function apiAudience(site: VerificationSite, options: IdTokenFindingOptions): ApiAudience {
  return apiAudienceOf(site.issuer?.value, options.audience);
}

/** `verifier.verifyIdToken(token, clientId, nonce)` -> `verifier.verifyAccessToken(token, <audience>)`. */
function verifyAccessTokenEdit(site: VerificationSite, source: string, options: IdTokenFindingOptions): AccessTokenEdit | undefined {
  const call = site.call.node;
  const callee = unwrap(call.callee as AstNode);
  if (!isMemberExpression(callee) || memberName(callee) !== 'verifyIdToken' || callee.computed || !site.token) return undefined;
  const known = apiAudience(site, options);
  const replacement = `${textOf(source, callee.object as AstNode)}.verifyAccessToken(${textOf(source, site.token)}, ${quoted(source, known.audience ?? AUDIENCE_PLACEHOLDER)})`;
  return { edits: [replaceNode(call, replacement)], replacement, ...known };
}

/** Words of a comment that speaks of a client id as the audience, or of the ID tokens that carry it. */
const CLIENT_ID_WORDS = /client[\s_-]?id|\bid[\s_-]?tokens?\b|\bazp\b/i;

/** A client-id audience -> the API's audience, where it is known; comments that explained the client id go. */
function apiAudienceEdit(site: VerificationSite, slot: SlotFact, source: string, options: IdTokenFindingOptions): AccessTokenEdit | undefined {
  const known = apiAudience(site, options);
  if (!known.audience || knownString(slot.value) === known.audience) return undefined;
  const replacement = quoted(source, known.audience);
  // A comment that explains the client id ("the SPA's client id: ID tokens carry it") would now describe the wrong value.
  const clientId = clientIdInAudience(slot.value)?.text;
  const describesClientId = (comment: string) => CLIENT_ID_WORDS.test(comment) || (clientId !== undefined && comment.includes(clientId));
  return { edits: [replaceNode(slot.node, replacement), ...commentsDescribing(source, slot.node, describesClientId)], replacement, ...known };
}

/** `getIdToken()` -> `getAccessToken()`, `x.idToken.idToken` -> `x.accessToken.accessToken`, `get('idToken')` -> `get('accessToken')`. */
function sendAccessTokenEdit(token: AstNode, origin: TokenOrigin, source: string, index: FileIndex, switching: readonly AstNode[] | undefined): AccessTokenEdit | undefined {
  if (origin.kind !== 'sdk' || origin.node !== unwrap(token)) return undefined;
  const node = origin.node;
  const original = textOf(source, node);
  let replacement: string | undefined;
  const more: TextEdit[] = [];
  if (isCallExpression(node)) {
    const callee = unwrap(node.callee as AstNode);
    const receiver = isMemberExpression(callee) ? unwrap(callee.object as AstNode) : undefined;
    const getter = receiver && isCallExpression(receiver) ? unwrap(receiver.callee as AstNode) : undefined;
    // `getIdToken()`, and `session.getIdToken().getJwtToken()` (Cognito).
    const renamesGetIdToken = (isMemberExpression(callee) && memberName(callee) === 'getIdToken' && !callee.computed) || (origin.provider !== undefined && getter && isMemberExpression(getter) && memberName(getter) === 'getIdToken' && !getter.computed);
    if (renamesGetIdToken) {
      replacement = original.replace(/\bgetIdToken(\s*)\(/, 'getAccessToken$1(');
    }
  } else if (isMemberExpression(node) && memberName(node) === 'idToken' && !node.computed) {
    const object = unwrap(node.object as AstNode);
    if (isMemberExpression(object) && memberName(object) === 'idToken' && !object.computed) {
      replacement = original.replace(/\.idToken(\??\.)idToken$/, '.accessToken$1accessToken');
    } else if (isTokenManagerGetOfIdToken(object)) {
      const types = accessTokenTypeSwitch(index, source, node, switching ?? [node]);
      if (!types) return undefined;
      more.push(...types.edits);
      replacement = original.replace(/(['"`])idToken\1/, '$1accessToken$1').replace(/\.idToken$/, '.accessToken').replace(/\bIDToken\b/g, 'AccessToken');
    }
  }
  if (!replacement || replacement === original) return undefined;
  return { edits: [replaceNode(node, replacement), ...more], replacement };
}

const OKTA_TOKEN_TYPES = /^@okta\/okta-(auth-js|react|angular|vue)$/;

/**
 * `((await tokenManager.get('idToken')) as IDToken).idToken`: the cast names Okta's IDToken type, which has
 * no `accessToken`, so the switched code casts to AccessToken. The import of IDToken gains AccessToken, or
 * becomes it when no other code (outside `switching`) names IDToken. Undefined when the type cannot be
 * switched: an alias, a type declared elsewhere, an AccessToken of another module.
 */
function accessTokenTypeSwitch(index: FileIndex, source: string, member: AstNode, switching: readonly AstNode[]): { edits: TextEdit[] } | undefined {
  const named: AstNode[] = [];
  walkNodes(member, (node) => {
    if (isIdentifier(node, 'IDToken') && index.parentOf(node)?.type !== 'TSQualifiedName') named.push(node);
  });
  if (named.length === 0) return { edits: [] };
  const binding = index.resolve(named[0]!);
  const specifier = binding?.kind === 'import' ? binding.declaration : undefined;
  if (!specifier || !fromOktaTypes(index, specifier) || importedName(specifier) !== 'IDToken') return undefined;
  const accessToken = index.moduleBindings().get('AccessToken');
  if (accessToken) return accessToken.kind === 'import' && fromOktaTypes(index, accessToken.declaration) && importedName(accessToken.declaration) === 'AccessToken' ? { edits: [] } : undefined;
  const inside = (node: AstNode) => switching.some((switched) => rangeOf(switched)[0] <= rangeOf(node)[0] && rangeOf(node)[1] <= rangeOf(switched)[1]);
  let namedElsewhere = false;
  walkNodes(index.program, (node) => {
    if (node.type === 'ImportDeclaration' || namedElsewhere) return false;
    if (isIdentifier(node, 'IDToken') && !inside(node)) namedElsewhere = true;
    return true;
  });
  const text = textOf(source, specifier);
  const switched = text.replace(/IDToken$/, 'AccessToken');
  return { edits: [replaceNode(specifier, namedElsewhere ? `${text}, ${switched}` : switched)] };
}

function fromOktaTypes(index: FileIndex, specifier: AstNode): boolean {
  const declaration = index.parentOf(specifier);
  return declaration?.type === 'ImportDeclaration' && specifier.type === 'ImportSpecifier' && OKTA_TOKEN_TYPES.test(stringLiteralValue(declaration.source as AstNode) ?? '');
}

/** The exported name an import specifier takes, when it takes it under the same local name. */
function importedName(specifier: AstNode): string | undefined {
  const imported = (specifier.imported?.name ?? specifier.imported?.value) as string | undefined;
  return imported !== undefined && imported === specifier.local?.name ? imported : undefined;
}

function isTokenManagerGetOfIdToken(node: AstNode): boolean {
  const inner = node.type === 'AwaitExpression' ? unwrap(node.argument as AstNode) : node;
  if (!isCallExpression(inner)) return false;
  const callee = unwrap(inner.callee as AstNode);
  return isMemberExpression(callee) && memberName(callee) === 'get' && stringLiteralValue((inner.arguments as AstNode[])[0]) === 'idToken';
}
