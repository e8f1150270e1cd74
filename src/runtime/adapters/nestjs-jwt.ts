/** @nestjs/jwt: `secretOrKeyProvider(requestType, token)` for `JwtService.verifyAsync`, verification only. */
import { ConfigurationError } from '../errors.js';
import { issuerKeySourceOf, keyFor, type IssuerKeySourceInput } from '../issuer-key-source.js';

export const NESTJS_JWT = '@nestjs/jwt';

/** `JwtSecretRequestType.VERIFY` of @nestjs/jwt (SIGN is 0). */
const VERIFY = 1;

export type NestJwtSecretOrKeyProvider = (requestType: number, tokenOrPayload: unknown, options?: unknown) => Promise<string>;

/**
 * `JwtModule.register({ secretOrKeyProvider: nestJwtSecretOrKeyProvider(source), verifyOptions: { algorithms:
 * [...source.algorithms], issuer, audience } })`, and verify with `await jwtService.verifyAsync(token)`: the sync
 * `verify()` throws WrongSecretProviderError on a Promise. Do not set `secretOrPrivateKey`, which overrides the
 * provider. Signing is refused: the issuer's public keys sign nothing.
 */
export function nestJwtSecretOrKeyProvider(input: IssuerKeySourceInput): NestJwtSecretOrKeyProvider {
  const source = issuerKeySourceOf(input);
  return (requestType, tokenOrPayload) => {
    const key = keyFor(NESTJS_JWT, async () => {
      if (requestType !== VERIFY || typeof tokenOrPayload !== 'string') {
        throw new ConfigurationError('invalid_option', 'this secretOrKeyProvider verifies access tokens of the issuer; it cannot sign');
      }
      return (await source.getKeyForToken(tokenOrPayload)).pem;
    });
    // The sync verify() throws WrongSecretProviderError and drops this promise: its rejection must not crash the process.
    key.catch(() => undefined);
    return key;
  };
}
