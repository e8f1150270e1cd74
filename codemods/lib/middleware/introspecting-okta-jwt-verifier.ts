/**
 * An exported @okta/jwt-verifier at an org authorization server: `new OktaJwtVerifier({ issuer: org, … })` becomes the
 * runtime's `introspectingOktaJwtVerifier({ introspector, assertClaims })`, whose `verifyAccessToken(token, audience)`
 * introspects and keeps `{ claims }`, so the modules that use it stay as they are. Only when the CLI sees every use in
 * the run, and each is a `verifyAccessToken` call: ID tokens, which the org may sign for local verification, keep
 * their OktaJwtVerifier.
 */
import { textOf } from '../../../src/analysis/edits.js';
import { isIdentifier, objectMemberValue, type AstNode } from '../../../src/analysis/syntax.js';
import type { TransformContext } from '../transformer.js';
import type { Replacement } from './introspecting.js';
import { propertyNamed } from './options.js';

/** The methods of the runtime's stand-in that keep @okta/jwt-verifier's contract. */
const KEPT_METHODS = new Set(['verifyAccessToken']);

export const INTROSPECTING_OKTA_JWT_VERIFIER: Replacement = {
  adapter: 'introspectingOktaJwtVerifier',
  unsupported: [],
  build({ context, site, options, adapter, introspector }) {
    const exportName = exportNameOf(context, site.call.node);
    if (exportName === undefined) {
      return { reason: 'the org verifier is exported in a form the CLI does not follow: export it as `export const verifier = new OktaJwtVerifier(...)` or `module.exports = ...`, then run again' };
    }
    const uses = context.environment.exportUses?.(exportName);
    if (!uses) {
      return { reason: 'the org verifier is exported, and its users in other modules are not known here: run oidc-codemod on the whole project, which follows them, or make them call createTokenIntrospector(...).introspect(token)' };
    }
    if (!uses.followed) {
      return { reason: `the org verifier is exported, and ${uses.module}:${uses.line} ${uses.why}: make that module call verifyAccessToken(token, audience) on it, then run again, or replace the verifier by hand` };
    }
    const others = [...uses.methods].filter((method) => !KEPT_METHODS.has(method));
    if (others.length > 0) {
      return { reason: `the org verifier is exported, and another module calls ${others.join(', ')} on it, which introspection has no counterpart for (ID tokens of the org may be verified locally): keep an OktaJwtVerifier for that, and give verifyAccessToken callers introspectingOktaJwtVerifier({ introspector }) by hand` };
    }
    const assertClaims = propertyNamed(options, 'assertClaims');
    const assertText = assertClaims ? `, assertClaims: ${textOf(context.source, objectMemberValue(assertClaims))}` : '';
    const callers = uses.modules.length > 0 ? ` (called in ${uses.modules.join(', ')})` : '';
    return {
      text: `${adapter}({ introspector: ${introspector}${assertText} })`,
      copied: assertClaims ? [objectMemberValue(assertClaims)] : [],
      notes: [`verifyAccessToken(token, audience) now introspects${callers} and resolves with { claims }, the introspection answer with scp and cid under Okta's names: check that its callers read nothing else of the token`],
    };
  },
};

/** `export const X = new OktaJwtVerifier(...)` gives X; `export default …` and `module.exports = …` give 'default'. */
function exportNameOf(context: TransformContext, call: AstNode): string | undefined {
  const parent = context.index.parentOf(call);
  if (parent?.type === 'ExportDefaultDeclaration') return 'default';
  if (parent?.type === 'AssignmentExpression' && parent.right === call) {
    const left = parent.left as AstNode;
    if (left.type === 'MemberExpression' && isIdentifier(left.object as AstNode, 'module') && isIdentifier(left.property as AstNode, 'exports')) return 'default';
    return undefined;
  }
  if (parent?.type !== 'VariableDeclarator' || parent.init !== call || !isIdentifier(parent.id as AstNode)) return undefined;
  const declaration = context.index.parentOf(parent);
  const statement = declaration ? context.index.parentOf(declaration) : undefined;
  if (statement?.type !== 'ExportNamedDeclaration') return undefined;
  const binding = context.index.resolve(parent.id as AstNode);
  // Used in its own module too: those uses are not followed here.
  if (!binding || context.index.referencesOf(binding).length > 0) return undefined;
  return parent.id.name as string;
}
