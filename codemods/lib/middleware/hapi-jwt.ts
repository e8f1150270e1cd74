/**
 * @hapi/jwt: `server.auth.strategy(name, 'jwt', { keys: PEM, verify })` takes `keys: hapiJwtKeys(issuerKeySource)`
 * (the algorithm pinned per key), and `verify` gains `iss` and `aud`.
 */
import { rangeOf, unwrap, objectMemberValue } from '../../../src/analysis/syntax.js';
import { textOf, type TextEdit } from '../../../src/analysis/edits.js';
import type { MiddlewareKeyRewrite } from './contract.js';
import { addMembers, isObjectLiteral, propertyNamed, replaceMemberValue, spreadsIn } from './options.js';

export const hapiJwt: MiddlewareKeyRewrite = {
  apis: ['@hapi/jwt.strategy'],
  adapter: 'hapiJwtKeys',
  rewrite(input) {
    const { context, site, settings } = input;
    // `keys: PEM`, `keys: [PEM]`, `keys: { key: PEM, algorithms }`: the whole `keys` member goes.
    const options = site.call.args[2] ? unwrap(site.call.args[2]) : undefined;
    const keys = options && isObjectLiteral(options) && !spreadsIn(options) ? propertyNamed(options, 'keys') : undefined;
    if (!options || !keys) return { ok: false, reason: 'the strategy\'s options are not all written here: set keys: hapiJwtKeys(...) by hand' };
    const holder = { member: keys, object: options };
    const verify = propertyNamed(holder.object, 'verify');
    const verifyValue = verify ? unwrap(objectMemberValue(verify)) : undefined;
    if (!verify || !isObjectLiteral(verifyValue)) {
      return { ok: false, reason: `verify ${verify ? `(${textOf(context.source, objectMemberValue(verify))}) is not written here` : 'is missing'}: set verify: { aud, iss, sub: false } by hand (verify: false also skips the signature)` };
    }
    const edits: TextEdit[] = [replaceMemberValue(holder.member, input.keySource)];
    const added: [string, string][] = [];
    if (!site.issuer) added.push(['iss', settings.issuer]);
    if (!site.audience && settings.audience) added.push(['aud', settings.audience]);
    edits.push(...addMembers(context, verifyValue, added));
    return { ok: true, edits, replaced: [rangeOf(holder.member)], notes: [] };
  },
};
