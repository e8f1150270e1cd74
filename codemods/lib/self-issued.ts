/**
 * Tokens a project signs itself: `jsonwebtoken.sign` or jose's `new SignJWT(...).sign(key)` with a private
 * key or an asymmetric algorithm. Such a project is its own issuer: there is no discovery document to find
 * its keys, so verification with its public key is not migrated.
 */
import { isCallExpression, isMemberExpression, memberName, startOf, unwrap, walkNodes, type AstNode } from '../../src/analysis/syntax.js';
import { knownString } from '../../src/analysis/values.js';
import { issuerFactsOf } from '../../src/analysis/issuer-facts.js';
import type { PinnedKeyFinding } from '../../src/analysis/pinned-keys.js';
import { verificationAnalysisFor, type VerificationAnalysis } from '../../src/analysis/verify-sites.js';
import { parseFile, type TransformContext } from './transformer.js';

export interface TokenSigning {
  /** The signing call. */
  readonly node: AstNode;
  readonly line: number;
  /** Why the key counts as the project's own private key, for the review reason. */
  readonly evidence: string;
}

const ASYMMETRIC_ALGORITHM = /^(RS|PS|ES)(256|384|512)$|^EdDSA$|^ES256K$/;
const PRIVATE_KEY_MAKERS: Record<string, readonly string[]> = {
  jose: ['importPKCS8', 'generateKeyPair'],
  crypto: ['createPrivateKey', 'generateKeyPairSync', 'generateKeyPair'],
  'node:crypto': ['createPrivateKey', 'generateKeyPairSync', 'generateKeyPair'],
};

/** The calls in a file that sign tokens with the project's own private key. */
export function tokenSigningIn(analysis: VerificationAnalysis): TokenSigning[] {
  const { resolver } = analysis;
  const found: TokenSigning[] = [];
  walkNodes(resolver.index.program, (node) => {
    if (!isCallExpression(node)) return;
    const callee = unwrap(node.callee as AstNode);
    const args = node.arguments as AstNode[];
    const entity = resolver.entityOf(callee);
    if (entity.kind === 'module' && entity.module === 'jsonwebtoken' && entity.path[entity.path.length - 1] === 'sign') {
      const evidence = privateKeyEvidence(analysis, args[1]) ?? asymmetricAlgorithm(analysis, args[2], 'algorithm');
      if (evidence) found.push({ node, line: startOf(node).line, evidence });
      return;
    }
    if (isMemberExpression(callee) && memberName(callee) === 'sign' && signJwtChain(analysis, callee.object as AstNode)) {
      const header = protectedHeaderOf(callee.object as AstNode);
      const evidence = privateKeyEvidence(analysis, args[0]) ?? asymmetricAlgorithm(analysis, header, 'alg');
      if (evidence) found.push({ node, line: startOf(node).line, evidence });
    }
  });
  return found;
}

/** `new SignJWT(claims).setProtectedHeader(...)...`: the chain starts at jose's SignJWT. */
function signJwtChain(analysis: VerificationAnalysis, node: AstNode): boolean {
  let current = unwrap(node);
  while (isCallExpression(current) && isMemberExpression(unwrap(current.callee as AstNode))) current = unwrap((unwrap(current.callee as AstNode).object as AstNode));
  if (current.type !== 'NewExpression') return false;
  const entity = analysis.resolver.entityOf(unwrap(current.callee as AstNode));
  return entity.kind === 'module' && entity.module === 'jose' && entity.path[entity.path.length - 1] === 'SignJWT';
}

/** The argument of `.setProtectedHeader({ alg })` in a SignJWT chain. */
function protectedHeaderOf(node: AstNode): AstNode | undefined {
  let current = unwrap(node);
  while (isCallExpression(current)) {
    const callee = unwrap(current.callee as AstNode);
    if (!isMemberExpression(callee)) return undefined;
    if (memberName(callee) === 'setProtectedHeader') return (current.arguments as AstNode[])[0];
    current = unwrap(callee.object as AstNode);
  }
  return undefined;
}

function privateKeyEvidence(analysis: VerificationAnalysis, key: AstNode | undefined): string | undefined {
  if (!key) return undefined;
  const source = analysis.keySource(key);
  if (source.kind === 'private-key') return 'a private key written in the source';
  if (source.kind === 'file' && source.path) {
    const path = knownString(source.path);
    if (path !== undefined && /priv/i.test(path)) return `the private key read from ${path}`;
  }
  // `createPrivateKey(...)`, `importPKCS8(...)`, `generateKeyPairSync(...)`, followed through constants.
  const origin = analysis.originCall(key);
  if (origin && isCallExpression(origin)) {
    const entity = analysis.resolver.entityOf(unwrap(origin.callee as AstNode));
    const name = entity.kind === 'module' ? entity.path[entity.path.length - 1] : undefined;
    if (entity.kind === 'module' && name && PRIVATE_KEY_MAKERS[entity.module]?.includes(name)) return `a private key from ${name}()`;
  }
  const inner = unwrap(key);
  const named = inner.type === 'Identifier' ? (inner.name as string) : isMemberExpression(inner) ? memberName(inner) : undefined;
  if (named && /private/i.test(named)) return `the private key ${named}`;
  return undefined;
}

function asymmetricAlgorithm(analysis: VerificationAnalysis, options: AstNode | undefined, name: string): string | undefined {
  if (!options) return undefined;
  const value = analysis.values.evaluate(options);
  if (value.kind !== 'object') return undefined;
  const algorithm = value.properties.get(name);
  const text = algorithm ? knownString(algorithm.value) : undefined;
  return text && ASYMMETRIC_ALGORITHM.test(text) ? `a private key (${text})` : undefined;
}

/** For the CLI: the signing calls of another file of the project, by its source. */
export function tokenSigningInSource(source: string, path: string): TokenSigning[] {
  return tokenSigningIn(verificationAnalysisFor(parseFile(source, path)));
}

/**
 * Why a pinned-key finding is left alone, if it is: the analysis found that it checks tokens the module
 * signs itself (`selfIssued`), or the CLI saw another module of the file's package sign tokens
 * (`environment.tokenSigning`, asked last: the CLI finds it lazily) and the verification expects no identity
 * provider's issuer.
 */
export function selfIssuedReasonFor(context: TransformContext, finding: PinnedKeyFinding): string | undefined {
  if (finding.selfIssued) {
    const here = tokenSigningIn(context.analysis)[0];
    return selfIssuedReason(here ?? { line: undefined, evidence: 'the matching private key' });
  }
  if (!('site' in finding)) return undefined;
  const providerIssuer = issuerFactsOf(finding.site.issuer?.value).some((fact) => fact.shape.kind !== 'unknown');
  const elsewhere = providerIssuer ? undefined : context.environment.tokenSigning?.[0];
  return elsewhere ? selfIssuedReason(elsewhere, elsewhere.path) : undefined;
}

/** What a person reads when a verification is left because its project signs its own tokens. */
export function selfIssuedReason(signing: { readonly line: number | undefined; readonly evidence: string }, where = 'this file'): string {
  const line = signing.line === undefined ? '' : ` (line ${signing.line})`;
  return `left unchanged: ${where} signs its own tokens with ${signing.evidence}${line}, so there is no issuer to discover keys from: keep verifying with the matching public key, loaded from configuration rather than the source, or move token issuance to your authorization server`;
}
