/**
 * @fastify/jwt at an org authorization server: `app.register(fastifyJwt, { secret, verify: { allowedIss: org } })`
 * becomes `app.register(introspectingFastifyJwt, { introspector })`, the runtime's plugin that decorates
 * `request.jwtVerify()` with introspection and puts the answer on `request.user`, so the routes and hooks that
 * call it keep working. What @fastify/jwt offers beside verifying requests (signing, `fastify.jwt.*`) has no
 * counterpart, so a file that uses it is left for review.
 */
import { textOf } from '../../../src/analysis/edits.js';
import { objectMemberValue, unwrap } from '../../../src/analysis/syntax.js';
import type { Replacement } from './introspecting.js';
import { isObjectLiteral, propertyNamed } from './options.js';

/** @fastify/jwt's members other than `request.jwtVerify()`: signing, decoding, and `fastify.jwt.verify` (sync, local). */
const OTHER_USES = /\.jwt\s*\.\s*(sign|verify|decode|lookupToken)\b|\b(jwtSign|jwtDecode)\b/;

export const fastifyJwtReplacement: Replacement = {
  adapter: 'introspectingFastifyJwt',
  unsupported: ['cookie', 'formatUser', 'trusted', 'namespace', 'messages', 'sign', 'jwtSign', 'jwtDecode'],
  optionsArgument: 1,
  build({ context, site, options, adapter, introspector }) {
    const secret = propertyNamed(options, 'secret');
    const secretValue = secret ? unwrap(objectMemberValue(secret)) : undefined;
    if (secretValue && isObjectLiteral(secretValue) && propertyNamed(secretValue, 'private')) {
      return { reason: 'this @fastify/jwt also signs tokens with its own private key: keep it for signing, and verify the org\'s access tokens with createTokenIntrospector(...).introspect(token) by hand' };
    }
    const other = OTHER_USES.exec(context.source);
    if (other) return { reason: `the file also uses @fastify/jwt's ${other[0].replace(/^\.|\s/g, '')}, which the runtime's introspectingFastifyJwt does not provide: replace it with request.jwtVerify() (or createTokenIntrospector(...).introspect(token)) by hand, then run again` };
    const plugin = site.call.args[0];
    if (!plugin) return { reason: 'register() names no plugin: replace it with introspectingFastifyJwt by hand' };
    const kept = ['decoratorName', 'jwtVerify']
      .map((name) => propertyNamed(options, name))
      .filter((member) => member !== undefined && member.type !== 'ObjectMethod')
      .map((member) => textOf(context.source, member!));
    const register = textOf(context.source, site.call.node.callee);
    const rest = site.call.args.slice(2).map((argument) => `, ${textOf(context.source, argument)}`).join('');
    return {
      text: `${register}(${adapter}, { introspector: ${introspector}${kept.map((member) => `, ${member}`).join('')} }${rest})`,
      copied: [site.call.node.callee, ...site.call.args.slice(2)],
    };
  },
};
