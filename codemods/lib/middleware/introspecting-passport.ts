/**
 * passport-jwt at an org authorization server: the strategy becomes the runtime's IntrospectionStrategy, named 'jwt'
 * as before, which takes passport-jwt's `(options, verify)` shape. `new JwtStrategy(options, verify)` keeps its verify
 * callback as written; a subclass (`class S extends PassportStrategy(Strategy)` in NestJS, or `extends JwtStrategy`)
 * extends IntrospectionStrategy instead and keeps its `validate()` (or the verify it passes to `super`) deciding
 * `req.user`.
 */
import { replaceNode, textOf, type TextEdit } from '../../../src/analysis/edits.js';
import { isCallExpression, isClass, objectMemberValue, rangeOf, unwrap, type AstNode } from '../../../src/analysis/syntax.js';
import type { TransformContext } from '../transformer.js';
import type { Replacement } from './introspecting.js';
import { propertyNamed } from './options.js';

/** passport-jwt's strategy name, which `passport.authenticate('jwt')` and Nest's `AuthGuard('jwt')` refer to. */
const PASSPORT_JWT_NAME = 'jwt';

const VERIFY_RECEIVES_ANSWER =
  'the verify callback (validate() in a NestJS strategy) now receives the introspection answer (active, sub, uid, client_id, scope as a space-separated string) in place of the token\'s claims: check what it reads';

export const INTROSPECTING_PASSPORT: Replacement = {
  adapter: 'IntrospectionStrategy',
  unsupported: [],
  build({ context, site, options, adapter, introspector }) {
    const extractor = propertyNamed(options, 'jwtFromRequest');
    if (extractor && !/fromAuthHeaderAsBearerToken\(\)$/.test(textOf(context.source, objectMemberValue(extractor)))) {
      return { reason: 'the token is not read from the Authorization header: replace the strategy with IntrospectionStrategy by hand' };
    }
    const strategy = strategyClassNode(context, site.call.node);
    if (!strategy) return { reason: 'the strategy class is not named where the subclass extends it: replace it with the runtime\'s IntrospectionStrategy by hand' };
    const passRequest = propertyNamed(options, 'passReqToCallback');
    const members = [`introspector: ${introspector}`, `name: '${PASSPORT_JWT_NAME}'`];
    if (passRequest) members.push(`passReqToCallback: ${textOf(context.source, objectMemberValue(passRequest))}`);
    const edits: TextEdit[] = [replaceNode(strategy, adapter), replaceNode(site.call.args[0]!, `{ ${members.join(', ')} }`)];
    return { edits, replaced: [rangeOf(strategy), rangeOf(site.call.args[0]!)], copied: [], notes: [VERIFY_RECEIVES_ANSWER] };
  },
};

/**
 * What names passport-jwt's Strategy at the site: the callee of `new Strategy(...)`; for `super(...)`, the class the
 * subclass extends, or the argument of the mixin it extends (`PassportStrategy(Strategy)`).
 */
function strategyClassNode(context: TransformContext, call: AstNode): AstNode | undefined {
  if (call.type === 'NewExpression') return call.callee as AstNode;
  const classNode = context.index.closest(call, isClass);
  const superClass = classNode?.superClass ? unwrap(classNode.superClass as AstNode) : undefined;
  if (!superClass) return undefined;
  // The analysis matched `super(...)` to passport-jwt through this argument (see superclassApi).
  if (isCallExpression(superClass)) return (superClass.arguments as AstNode[])[0];
  return superClass;
}
