/** express-jwt 7/8: `secret: (req, token) => Promise<key>`, handing the issuer's key to `expressjwt()`. */
import { TokenValidationError } from '../errors.js';
import { claimsFromLibrary, issuerKeySourceOf, keyFor, type IssuerKeySourceInput, type JoseHeaderInput } from '../issuer-key-source.js';

export const EXPRESS_JWT = 'express-jwt';

/** The decoded token express-jwt hands to a `secret` function (`jwt.decode(token, { complete: true })`, or null). */
export interface ExpressJwtDecodedToken {
  readonly header: JoseHeaderInput;
  readonly payload: unknown;
}

export type ExpressJwtSecret = (request: unknown, token: ExpressJwtDecodedToken | null | undefined) => Promise<string>;

/**
 * `expressjwt({ secret: expressJwtSecret(source), algorithms: source.algorithms, issuer, audience })`.
 * express-jwt requires `algorithms`; pass the key source's. A refused token reaches `next(error)` as a
 * TokenValidationError with `statusCode` 401 (not express-jwt's UnauthorizedError); a provider outage as a
 * ProviderError with `statusCode` 503.
 */
export function expressJwtSecret(input: IssuerKeySourceInput): ExpressJwtSecret {
  const source = issuerKeySourceOf(input);
  return (_request, token) =>
    keyFor(EXPRESS_JWT, async () => {
      if (typeof token !== 'object' || token === null) throw new TokenValidationError('malformed', 'the token could not be decoded');
      return (await source.getKey(token.header, claimsFromLibrary(token.payload))).pem;
    });
}
