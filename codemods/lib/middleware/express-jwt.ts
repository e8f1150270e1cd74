/** express-jwt 7/8: `expressjwt({ secret: PEM })` becomes `expressjwt({ secret: expressJwtSecret(issuerKeySource), algorithms, issuer, audience })`. */
import { rangeOf } from '../../../src/analysis/syntax.js';
import type { MiddlewareKeyRewrite } from './contract.js';
import { memberHolding, replaceMemberValue } from './options.js';
import { settingEdits } from './settings.js';

export const expressJwt: MiddlewareKeyRewrite = {
  apis: ['express-jwt.expressjwt', 'express-jwt.default'],
  adapter: 'expressJwtSecret',
  rewrite(input) {
    const { context, site } = input;
    if (site.api.id === 'express-jwt.default') {
      // express-jwt 6 calls a secret function as (req, header, payload, cb); the adapter has the 7/8 shape.
      return { ok: false, reason: 'express-jwt 6 (the default export) takes a callback secret: upgrade to express-jwt 8 (`expressjwt`), then run again' };
    }
    const holder = site.keySlot && memberHolding(context, site.keySlot.node);
    if (!holder) return { ok: false, reason: 'the key is not written in the options of expressjwt(): replace `secret` with expressJwtSecret(...) by hand' };
    const settings = settingEdits(input, holder.object, { issuer: 'issuer', audience: 'audience', algorithms: 'algorithms' });
    if (!settings.ok) return settings;
    return { ok: true, edits: [replaceMemberValue(holder.member, input.keySource), ...settings.edits], replaced: [rangeOf(holder.member)], notes: [] };
  },
};
