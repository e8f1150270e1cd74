/**
 * @fastify/jwt: `register(fastifyJwt, { secret: PEM })` (or `secret: { public: PEM }`) takes
 * `fastifyJwtSecret(issuerKeySource)` as its public secret, `decode: { complete: true }` so that the secret
 * function receives the token's header, and `verify: { algorithms, allowedIss, allowedAud }`.
 */
import { objectMemberName, objectMemberValue, rangeOf, unwrap } from '../../../src/analysis/syntax.js';
import type { TextEdit } from '../../../src/analysis/edits.js';
import type { MiddlewareKeyRewrite } from './contract.js';
import { addMembers, isObjectLiteral, memberHolding, propertyNamed, replaceMemberValue, spreadsIn } from './options.js';
import { settingEdits } from './settings.js';

const VERIFY_NAMES = { issuer: 'allowedIss', audience: 'allowedAud', algorithms: 'algorithms' };

export const fastifyJwt: MiddlewareKeyRewrite = {
  apis: ['@fastify/jwt.register'],
  adapter: 'fastifyJwtSecret',
  rewrite(input) {
    const { context, site, settings } = input;
    const holder = site.keySlot && memberHolding(context, site.keySlot.node);
    if (!holder) return { ok: false, reason: 'the key is not written in the options of @fastify/jwt: set secret: { public: fastifyJwtSecret(...) } by hand' };
    // `secret: PEM`, or `public: PEM` inside `secret: { public, private }`: the options are the outer object.
    const options = objectMemberName(holder.member) === 'public' ? context.index.parentOf(context.index.parentOf(holder.object)!) : holder.object;
    if (!options || options.type !== 'ObjectExpression' || spreadsIn(options)) {
      return { ok: false, reason: 'the options of @fastify/jwt are not all written here: set secret, decode: { complete: true } and verify by hand' };
    }
    const edits: TextEdit[] = [replaceMemberValue(holder.member, input.keySource)];
    const added: [string, string][] = [];

    const decode = propertyNamed(options, 'decode');
    if (!decode) added.push(['decode', '{ complete: true }']);
    else {
      const value = unwrap(objectMemberValue(decode));
      if (!isObjectLiteral(value)) return { ok: false, reason: 'the decode options are not written here: set decode: { complete: true } by hand' };
      const complete = propertyNamed(value, 'complete');
      if (complete) edits.push(replaceMemberValue(complete, 'true'));
      else edits.push(...addMembers(context, value, [['complete', 'true']]));
    }

    const verify = propertyNamed(options, 'verify');
    if (!verify) {
      const members = [['algorithms', settings.algorithms], ['allowedIss', settings.issuer], ...(settings.audience ? [['allowedAud', settings.audience]] : [])];
      added.push(['verify', `{ ${members.map(([key, value]) => `${key}: ${value}`).join(', ')} }`]);
    } else {
      const value = unwrap(objectMemberValue(verify));
      if (!isObjectLiteral(value)) return { ok: false, reason: 'the verify options are not written here: set algorithms, allowedIss and allowedAud by hand' };
      const more = settingEdits(input, value, VERIFY_NAMES);
      if (!more.ok) return more;
      edits.push(...more.edits);
    }
    edits.push(...addMembers(context, options, added));
    const notes = /\.jwt\.verify\s*\(/.test(context.source)
      ? ['a function secret is used by request.jwtVerify() only: replace calls of fastify.jwt.verify(token) with await request.jwtVerify()']
      : [];
    return { ok: true, edits, replaced: [rangeOf(holder.member)], notes };
  },
};
