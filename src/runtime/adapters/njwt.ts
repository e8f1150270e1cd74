/** njwt: `verifier.withKeyResolver((kid, cb) => …)`; njwt hands over the kid only, and checks neither iss nor aud. */
import { ConfigurationError } from '../errors.js';
import { issuerKeySourceOf, keyFor, type IssuerKeySourceInput } from '../issuer-key-source.js';

export const NJWT = 'njwt';

export type NjwtKeyResolver = (kid: unknown, callback: (error: Error | null, key: string) => unknown) => undefined;

/**
 * `nJwt.createVerifier().setSigningAlgorithm(source.algorithms[0]).withKeyResolver(njwtKeyResolver(source))`, then
 * `verifier.verify(token, (error, jwt) => … source.checkClaims(jwt.body) …)`. njwt verifies one algorithm (its
 * default is HS256), so the key source must have exactly one; njwt checks only `exp`/`nbf`, so the callback must
 * call `source.checkClaims(jwt.body)` (issuer, audience, ID token, client). With an async resolver, njwt's `verify`
 * without a callback returns undefined.
 */
export function njwtKeyResolver(input: IssuerKeySourceInput): NjwtKeyResolver {
  const source = issuerKeySourceOf(input);
  if (source.algorithms.length !== 1) {
    throw new ConfigurationError(
      'invalid_option',
      `${NJWT}: njwt verifies a single algorithm (setSigningAlgorithm); give the key source exactly one, not ${source.algorithms.join(', ')}`,
    );
  }
  const alg = source.algorithms[0]!;
  return (kid, callback) => {
    // njwt has already refused a header alg other than its signing algorithm, which must be this one.
    keyFor(NJWT, () => source.getKey({ alg, kid })).then(
      (key) => queueMicrotask(() => callback(null, key.pem)),
      // njwt reads the key only without an error.
      (error: unknown) => queueMicrotask(() => callback(error as Error, '')),
    );
    // njwt's verify returns what the resolver returns: nothing, as the answer comes through its callback.
    return undefined;
  };
}
