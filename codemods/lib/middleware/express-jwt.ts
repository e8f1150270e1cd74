/**
 * express-jwt: `expressjwt({ secret: PEM })` becomes `expressjwt({ secret: expressJwtSecret(issuerKeySource), algorithms,
 * issuer, audience })`; express-jwt 6 (`jwt({ secret })`) gets the adapter inside its callback secret.
 */
import { rangeOf } from '../../../src/analysis/syntax.js';
import type { MiddlewareKeyRewrite } from './contract.js';
import { memberHolding, replaceMemberValue } from './options.js';
import { settingEdits } from './settings.js';

export const expressJwt: MiddlewareKeyRewrite = {
  apis: ['express-jwt.expressjwt', 'express-jwt.default'],
  adapter: 'expressJwtSecret',
  rewrite(input) {
    const { context, site } = input;
    const holder = site.keySlot && memberHolding(context, site.keySlot.node);
    if (!holder) return { ok: false, reason: 'the key is not written in the options of expressjwt(): replace `secret` with expressJwtSecret(...) by hand' };
    const settings = settingEdits(input, holder.object, { issuer: 'issuer', audience: 'audience', algorithms: 'algorithms' });
    if (!settings.ok) return settings;
    // express-jwt 6 (its default export) calls a secret function as (req, header, payload, cb); the adapter has the
    // 7/8 shape `(req, { header, payload }) => Promise`.
    const secret = site.api.id === 'express-jwt.default'
      ? `(req, header, payload, done) => { ${input.keySource}(req, { header, payload }).then((key) => done(null, key), done); }`
      : input.keySource;
    return { ok: true, edits: [replaceMemberValue(holder.member, secret), ...settings.edits], replaced: [rangeOf(holder.member)], notes: [] };
  },
};
