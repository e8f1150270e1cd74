/**
 * Servers told to let only ID tokens through, switched to access tokens: a verifier option that names the kind of
 * token (aws-jwt-verify `tokenUse: 'id'` -> `'access'`) and a check of a claim that names it (Keycloak
 * `payload.typ !== 'ID'` -> `'Bearer'`). The values come from the provider profiles; the comparison keeps its
 * operator, so what it let through (only this kind of token) and what it refused stay as they were.
 */
import { quoted, replaceNode, textOf } from '../../src/analysis/edits.js';
import type { IdTokenFinding } from '../../src/analysis/id-token-use.js';
import { stringLiteralValue, unwrap, type AstNode } from '../../src/analysis/syntax.js';
import { knownString } from '../../src/analysis/values.js';
import { tokenKindClaims, tokenKindOption } from '../../src/knowledge/providers/index.js';
import type { TransformContext } from './transformer.js';

type VerifierOptionFinding = Extract<IdTokenFinding, { kind: 'id-token-verifier-option' }>;
type ClaimCheckFinding = Extract<IdTokenFinding, { kind: 'id-token-claim-check' }>;

/** `undefined` when switched, else why it could not be. */
export function acceptAccessTokensOption(context: TransformContext, finding: VerifierOptionFinding): string | undefined {
  const option = finding.site.tokenKindOption;
  const known = tokenKindOption(finding.site.library);
  const access = known ? [...known.values].find(([, tokenType]) => tokenType === 'access')?.[0] : undefined;
  if (!option || !access) return `the verifier is told to accept ID tokens: accept access tokens (${finding.option}: 'access', with the app client id) by hand`;
  const property = context.analysis.isLocal(option.node) ? context.index.parentOf(option.node) : undefined;
  if (!property || (property.type !== 'Property' && property.type !== 'ObjectProperty') || property.value !== option.node) {
    return `the verifier is told to accept ID tokens by ${finding.option}: '${finding.value}' written in another module: set ${finding.option}: '${access}' there, with the app client id`;
  }
  context.edit(replaceNode(option.node, inQuotesOf(context.source, option.node, access)));
  context.rewrote(finding.node);
  context.review(finding.node, `the verifier now accepts access tokens, which carry no identity claims such as email or name: read those from the user pool's userInfo endpoint, and make clients send access tokens`);

  // aws-jwt-verify checks clientId against an access token's client_id, as it did against an ID token's aud.
  const clientId = finding.site.clientId;
  if (!clientId) {
    context.review(finding.node, `no clientId is given where the verifier is made, and aws-jwt-verify refuses to verify without one (it checks the access token's client_id): pass the app client id of the API's callers`);
  } else if (clientId.value.kind === 'primitive' && clientId.value.value === null) {
    context.review(finding.node, `clientId is null, so access tokens issued to any app client of the user pool are accepted: set it to the app client id(s) of the API's callers`);
  }
  return undefined;
}

/** `undefined` when switched, else why it could not be. */
export function acceptAccessTokensClaim(context: TransformContext, finding: ClaimCheckFinding): string | undefined {
  const access = tokenKindClaims().find((claim) => claim.provider === finding.provider && claim.claim === finding.claim && claim.tokenType === 'access');
  const literals = comparedValues(finding.node).filter((value) => stringLiteralValue(value) === finding.value);
  if (!access || literals.length === 0) {
    return `the check lets only ID tokens through: accept access tokens (${finding.claim} '${access?.value ?? 'Bearer'}') by hand`;
  }
  context.edit(...literals.map((literal) => replaceNode(literal, inQuotesOf(context.source, literal, access.value))));
  context.rewrote(finding.node);

  // ID tokens carry the client id as audience; access tokens of the same realm carry it only in azp.
  for (const site of context.analysis.sites()) {
    const audience = site.audience ? knownString(site.audience.value) : undefined;
    if (!site.audience) continue;
    const shown = audience === undefined ? 'an audience' : `the audience '${audience}'`;
    context.review(
      finding.node,
      `the verification checks ${shown}, which ID tokens carry as the client id, while access tokens name their client in azp and carry an audience only through an audience mapper: check that the access tokens the API receives carry ${shown} (add an audience mapper), or check azp instead`,
    );
  }
  return undefined;
}

/** The new value in the quotes the old literal was written with; in the file's usual quotes when it was no literal. */
function inQuotesOf(source: string, node: AstNode, value: string): string {
  const quote = textOf(source, node)[0];
  return quote === "'" || quote === '"' ? `${quote}${value}${quote}` : quoted(source, value);
}

/** `payload.typ !== 'ID'`: both sides; `['ID'].includes(payload.typ)`: the list's elements. */
function comparedValues(check: AstNode): AstNode[] {
  if (check.type === 'BinaryExpression') return [unwrap(check.left as AstNode), unwrap(check.right as AstNode)];
  const callee = unwrap(check.callee as AstNode);
  const list = callee.object ? unwrap(callee.object as AstNode) : undefined;
  return list?.type === 'ArrayExpression' ? (list.elements as (AstNode | null)[]).flatMap((element) => (element ? [unwrap(element)] : [])) : [];
}
