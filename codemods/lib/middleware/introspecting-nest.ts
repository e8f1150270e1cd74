/**
 * @nestjs/jwt at an org authorization server: `JwtModule.register({ …, verifyOptions: { issuer: org } })` becomes a
 * module that provides the runtime's IntrospectingJwtService as JwtService, so the services that inject JwtService
 * and call `verifyAsync(token)` introspect the token, with no change of their own. (`jwtService.verify/verifyAsync`
 * calls that name the org issuer themselves are rewritten to the introspector where they are.)
 */
import { replaceNode, textOf } from '../../../src/analysis/edits.js';
import { ensureNamedImport } from '../../../src/analysis/module-edits.js';
import { isMemberExpression, objectMemberValue, rangeOf, unwrap, type AstNode } from '../../../src/analysis/syntax.js';
import type { Replacement } from './introspecting.js';
import { propertyNamed } from './options.js';

const NEST_JWT_MODULE = '@nestjs/jwt';
/** Options with which the module also signs tokens, which an introspecting JwtService does not. */
const SIGNING_OPTIONS = ['secret', 'privateKey', 'secretOrPrivateKey', 'signOptions'];

export const INTROSPECTING_NEST_JWT_MODULE: Replacement = {
  adapter: 'IntrospectingJwtService',
  unsupported: [],
  build({ context, site, options, adapter, introspector }) {
    const signing = SIGNING_OPTIONS.filter((name) => propertyNamed(options, name));
    if (signing.length > 0) {
      return { reason: `this JwtModule also signs tokens (${signing.join(', ')}): keep it for signing, and introspect the org's access tokens with createTokenIntrospector(...).introspect(token) where they are verified` };
    }
    const callee = unwrap(site.call.node.callee as AstNode);
    if (!isMemberExpression(callee)) return { reason: 'JwtModule is not named here: replace it by hand with a module that provides JwtService as new IntrospectingJwtService({ introspector })' };
    const service = ensureNamedImport(context.source, context.index, NEST_JWT_MODULE, 'JwtService');
    if (!service) return { reason: 'the name JwtService is taken in this file: rename that binding, then run again' };
    const global = propertyNamed(options, 'global');
    const jwtModule = textOf(context.source, callee.object as AstNode);
    const members = [
      `module: ${jwtModule}`,
      ...(global ? [`global: ${textOf(context.source, objectMemberValue(global))}`] : []),
      `providers: [{ provide: ${service.reference}, useValue: new ${adapter}({ introspector: ${introspector} }) }]`,
      `exports: [${service.reference}]`,
    ];
    return {
      edits: [...service.edits, replaceNode(site.call.node, `{ ${members.join(', ')} }`)],
      replaced: [rangeOf(site.call.node)],
      copied: [callee.object as AstNode],
      notes: [
        'JwtService now introspects: verifyAsync(token) resolves with the introspection answer (active, sub, uid, client_id, scope as a space-separated string) in place of the token\'s claims, verify() throws and it signs nothing: check what its users call and read',
      ],
    };
  },
};

export const INTROSPECTING_NEST_JWT_MODULE_ASYNC: Replacement = {
  adapter: 'IntrospectingJwtService',
  unsupported: [],
  build() {
    return { reason: 'registerAsync builds the JwtModule options at run time: replace it by hand with a module that provides JwtService as new IntrospectingJwtService({ introspector })' };
  },
};
