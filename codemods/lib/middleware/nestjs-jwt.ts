/**
 * @nestjs/jwt: `JwtModule.register({ publicKey: PEM, verifyOptions })` (or in `registerAsync`'s factory) becomes
 * `secretOrKeyProvider: nestJwtSecretOrKeyProvider(issuerKeySource)` with issuer, audience and algorithms in
 * `verifyOptions`. The provider answers asynchronously: JwtService must verify with `verifyAsync`.
 */
import { objectMemberValue, rangeOf, unwrap } from '../../../src/analysis/syntax.js';
import type { TextEdit } from '../../../src/analysis/edits.js';
import type { MiddlewareKeyRewrite } from './contract.js';
import { addMembers, isObjectLiteral, memberHolding, propertyNamed, replaceMember, spreadsIn } from './options.js';
import { settingEdits } from './settings.js';

const SIGNING_OPTIONS = ['privateKey', 'secretOrPrivateKey', 'signOptions'];

export const nestjsJwt: MiddlewareKeyRewrite = {
  apis: ['@nestjs/jwt.JwtModule.register', '@nestjs/jwt.JwtModule.registerAsync'],
  adapter: 'nestJwtSecretOrKeyProvider',
  rewrite(input) {
    const { context, site, settings } = input;
    const holder = site.keySlot && memberHolding(context, site.keySlot.node);
    if (!holder) return { ok: false, reason: 'the key is not written in the JwtModule options: set secretOrKeyProvider: nestJwtSecretOrKeyProvider(...) by hand' };
    // `verifyOptions: { publicKey }` sits one level down.
    const inVerifyOptions = context.index.parentOf(holder.object);
    const options = inVerifyOptions && isObjectLiteral(inVerifyOptions) ? undefined : holder.object;
    const moduleOptions = options ?? (inVerifyOptions ? context.index.parentOf(inVerifyOptions) : undefined);
    if (!moduleOptions || moduleOptions.type !== 'ObjectExpression' || spreadsIn(moduleOptions)) {
      return { ok: false, reason: 'the JwtModule options are not all written here: set secretOrKeyProvider and verifyOptions by hand' };
    }
    // A `secret` that holds the public key (the pinned material found here) signs nothing; a private key does.
    if (SIGNING_OPTIONS.some((name) => propertyNamed(moduleOptions, name))) {
      return { ok: false, reason: 'this JwtModule also signs tokens with its own key: keep it for signing, and verify the issuer\'s access tokens with createAccessTokenVerifier(...) instead' };
    }
    const edits: TextEdit[] = [];
    if (options) edits.push(replaceMember(holder.member, 'secretOrKeyProvider', input.keySource));
    else {
      // Remove `publicKey` from verifyOptions; the provider goes beside verifyOptions.
      edits.push(...removeMember(context.source, holder.member));
      edits.push(...addMembers(context, moduleOptions, [['secretOrKeyProvider', input.keySource]]));
    }
    const verifyOptions = propertyNamed(moduleOptions, 'verifyOptions');
    if (!verifyOptions) {
      const members = [['algorithms', settings.algorithms], ['issuer', settings.issuer], ...(settings.audience ? [['audience', settings.audience]] : [])];
      edits.push(...addMembers(context, moduleOptions, [['verifyOptions', `{ ${members.map(([key, value]) => `${key}: ${value}`).join(', ')} }`]]));
    } else {
      const value = unwrap(objectMemberValue(verifyOptions));
      if (!isObjectLiteral(value)) return { ok: false, reason: 'verifyOptions are not written here: set issuer, audience and algorithms by hand' };
      const more = settingEdits(input, value, { issuer: 'issuer', audience: 'audience', algorithms: 'algorithms' });
      if (!more.ok) return more;
      edits.push(...more.edits);
    }
    return {
      ok: true,
      edits,
      replaced: [rangeOf(holder.member)],
      notes: ['keys now come from the issuer asynchronously: JwtService must verify with await jwtService.verifyAsync(token) (verify() throws)'],
    };
  },
};

/** Removes a member and the comma after it (or before it, for the last one). */
function removeMember(source: string, member: AstNode): TextEdit[] {
  const [start, end] = rangeOf(member);
  const after = /^\s*,\s*/.exec(source.slice(end));
  if (after) return [{ range: [start, end + after[0].length], text: '' }];
  const before = /,\s*$/.exec(source.slice(0, start));
  return [{ range: [before ? start - before[0].length : start, end], text: '' }];
}

type AstNode = Parameters<typeof rangeOf>[0];
