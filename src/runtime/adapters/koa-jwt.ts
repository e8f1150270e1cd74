/** koa-jwt 4: `secret: (header, payload) => Promise<key>`, handing the issuer's key to `jwt()`. */
import { claimsFromLibrary, issuerKeySourceOf, keyFor, type IssuerKeySourceInput, type JoseHeaderInput } from '../issuer-key-source.js';

export const KOA_JWT = 'koa-jwt';

export type KoaJwtSecret = (header: JoseHeaderInput, payload: unknown) => Promise<string>;

/**
 * `jwt({ secret: koaJwtSecret(source), algorithms: [...source.algorithms], issuer, audience })`; the claims land
 * in `ctx.state.user` as before. koa-jwt answers 401 to any error of the secret (with `debug: true`, its message).
 */
export function koaJwtSecret(input: IssuerKeySourceInput): KoaJwtSecret {
  const source = issuerKeySourceOf(input);
  return (header, payload) => keyFor(KOA_JWT, async () => (await source.getKey(header, claimsFromLibrary(payload))).pem);
}
