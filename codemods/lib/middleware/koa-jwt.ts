/** koa-jwt 4: `jwt({ secret: PEM })` becomes `jwt({ secret: koaJwtSecret(issuerKeySource), issuer, audience, algorithms })`. */
import { rangeOf } from '../../../src/analysis/syntax.js';
import type { MiddlewareKeyRewrite } from './contract.js';
import { memberHolding, replaceMemberValue } from './options.js';
import { settingEdits } from './settings.js';

export const koaJwt: MiddlewareKeyRewrite = {
  apis: ['koa-jwt.default'],
  adapter: 'koaJwtSecret',
  rewrite(input) {
    const { context, site } = input;
    const holder = site.keySlot && memberHolding(context, site.keySlot.node);
    if (!holder) return { ok: false, reason: 'the key is not written in the options of koa-jwt: replace `secret` with koaJwtSecret(...) by hand' };
    const settings = settingEdits(input, holder.object, { issuer: 'issuer', audience: 'audience', algorithms: 'algorithms' });
    if (!settings.ok) return settings;
    return { ok: true, edits: [replaceMemberValue(holder.member, input.keySource), ...settings.edits], replaced: [rangeOf(holder.member)], notes: [] };
  },
};
