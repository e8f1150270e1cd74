/** passport-jwt: `secretOrKeyProvider(request, rawJwtToken, done)`, handing the issuer's key to `JwtStrategy`. */
import { issuerKeySourceOf, keyFor, type IssuerKeySourceInput } from '../issuer-key-source.js';

export const PASSPORT_JWT = 'passport-jwt';

/** The shape of passport-jwt's `secretOrKeyProvider` option. */
export type PassportJwtKeyProvider = (request: unknown, rawJwtToken: unknown, done: (error: Error | null, key?: string) => void) => void;

/**
 * `new JwtStrategy({ jwtFromRequest, secretOrKeyProvider: passportJwtKeyProvider(source), issuer, audience, algorithms }, verify)`.
 * Do not also set `secretOrKey` (passport-jwt throws). A refused token reaches passport as `fail(error)` (401).
 */
export function passportJwtKeyProvider(input: IssuerKeySourceInput): PassportJwtKeyProvider {
  const source = issuerKeySourceOf(input);
  return (_request, rawJwtToken, done) => {
    keyFor(PASSPORT_JWT, () => source.getKeyForToken(rawJwtToken as string)).then(
      // Called outside the promise chain, so that an exception thrown by passport is not reported to it as ours.
      (key) => queueMicrotask(() => done(null, key.pem)),
      (error: unknown) => queueMicrotask(() => done(error as Error)),
    );
  };
}
