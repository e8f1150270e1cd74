/**
 * passport-jwt (also inside NestJS `PassportStrategy(Strategy)` as `super({ ... })`): `secretOrKey: PEM` becomes
 * `secretOrKeyProvider: passportJwtKeyProvider(issuerKeySource)` (passport-jwt throws when both are set), and the
 * strategy's options gain issuer, audience and algorithms.
 */
import { rangeOf } from '../../../src/analysis/syntax.js';
import type { MiddlewareKeyRewrite } from './contract.js';
import { memberHolding, propertyNamed, replaceMember } from './options.js';
import { settingEdits } from './settings.js';

export const passportJwt: MiddlewareKeyRewrite = {
  apis: ['passport-jwt.Strategy'],
  adapter: 'passportJwtKeyProvider',
  rewrite(input) {
    const { context, site } = input;
    const holder = site.keySlot && memberHolding(context, site.keySlot.node);
    if (!holder || propertyNamed(holder.object, 'secretOrKeyProvider')) {
      return { ok: false, reason: 'the key is not written in the strategy\'s options: replace `secretOrKey` with secretOrKeyProvider: passportJwtKeyProvider(...) by hand' };
    }
    const settings = settingEdits(input, holder.object, { issuer: 'issuer', audience: 'audience', algorithms: 'algorithms' });
    if (!settings.ok) return settings;
    return {
      ok: true,
      edits: [replaceMember(holder.member, 'secretOrKeyProvider', input.keySource), ...settings.edits],
      replaced: [rangeOf(holder.member)],
      notes: [],
    };
  },
};
