/**
 * hapi-auth-jwt2: `server.auth.strategy(name, 'jwt', { key: PEM, validate })` takes `key: hapiAuthJwt2Key(issuerKeySource)`
 * with `complete: true` (so that the key function receives the token's header), and `verifyOptions` with issuer,
 * audience and algorithms. With `complete: true` hapi-auth-jwt2 makes the whole decoded token the credentials unless
 * `validate` names them: the old `validate` is wrapped so that the payload stays the credentials.
 */
import { textOf, type TextEdit } from '../../../src/analysis/edits.js';
import { objectMemberValue, rangeOf, unwrap } from '../../../src/analysis/syntax.js';
import { isTypeScriptFile } from '../transformer.js';
import type { MiddlewareKeyRewrite } from './contract.js';
import { addMembers, isObjectLiteral, memberHolding, propertyNamed, replaceMember, replaceMemberValue, spreadsIn } from './options.js';
import { settingEdits } from './settings.js';

export const hapiAuthJwt2: MiddlewareKeyRewrite = {
  apis: ['hapi-auth-jwt2.strategy'],
  adapter: 'hapiAuthJwt2Key',
  rewrite(input) {
    const { context, site, settings } = input;
    const holder = site.keySlot && memberHolding(context, site.keySlot.node);
    if (!holder || spreadsIn(holder.object)) return { ok: false, reason: 'the strategy\'s options are not all written here: set key: hapiAuthJwt2Key(...) and complete: true by hand' };
    const options = holder.object;
    const edits: TextEdit[] = [replaceMemberValue(holder.member, input.keySource)];
    const added: [string, string][] = [];

    const complete = propertyNamed(options, 'complete');
    const alreadyComplete = complete && /^true$/.test(textOf(context.source, objectMemberValue(complete)));
    if (!alreadyComplete) {
      if (complete) edits.push(replaceMemberValue(complete, 'true'));
      else added.push(['complete', 'true']);
      const validate = propertyNamed(options, 'validate');
      if (validate?.type === 'ObjectMethod' || (validate && validate.kind && validate.kind !== 'init')) {
        return { ok: false, reason: 'validate is written as a method: make it a property (validate: async (decoded) => ...), then run again' };
      }
      const old = validate ? textOf(context.source, objectMemberValue(validate)) : undefined;
      // The old validate saw the payload, and the payload was the credentials; so it stays.
      // validate still receives the verified payload; but with `complete: true` the credentials would be the whole
      // decoded token unless validate names them: the payload stays the credentials, unless the old validate set others.
      const [payload, request, h] = isTypeScriptFile(context.path) ? ['payload: any', 'request: any', 'h: any'] : ['payload', 'request', 'h'];
      const wrapped = old
        ? `async (${payload}, ${request}, ${h}) => ({ credentials: payload, ...(await (${old})(payload, request, h)) })`
        : `async (${payload}) => ({ isValid: true, credentials: payload })`;
      if (validate) edits.push(replaceMember(validate, 'validate', wrapped));
      else added.push(['validate', wrapped]);
    }

    const verifyOptions = propertyNamed(options, 'verifyOptions');
    if (!verifyOptions) {
      const members = [['algorithms', settings.algorithms], ['issuer', settings.issuer], ...(settings.audience ? [['audience', settings.audience]] : [])];
      added.push(['verifyOptions', `{ ${members.map(([key, value]) => `${key}: ${value}`).join(', ')} }`]);
    } else {
      const value = unwrap(objectMemberValue(verifyOptions));
      if (!isObjectLiteral(value)) return { ok: false, reason: 'verifyOptions are not written here: set issuer, audience and algorithms by hand' };
      const more = settingEdits(input, value, { issuer: 'issuer', audience: 'audience', algorithms: 'algorithms' });
      if (!more.ok) return more;
      edits.push(...more.edits);
    }
    edits.push(...addMembers(context, options, added));
    return { ok: true, edits, replaced: [rangeOf(holder.member)], notes: [] };
  },
};
