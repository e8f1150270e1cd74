/** hapi-auth-jwt2 11: `key: async (decoded) => ({ key })`, with `complete: true` so that the header reaches it. */
import { generateKeyPairSync } from 'node:crypto';
import type { AccessTokenAlgorithm } from '../access-token-policy.js';
import { ConfigurationError, TokenValidationError } from '../errors.js';
import { claimsFromLibrary, issuerKeySourceOf, keyFor, type IssuerKeySourceInput, type JoseHeaderInput } from '../issuer-key-source.js';

export const HAPI_AUTH_JWT2 = 'hapi-auth-jwt2';

export interface HapiAuthJwt2DecodedToken {
  readonly header: JoseHeaderInput;
  readonly payload: unknown;
  readonly signature?: string;
}

/**
 * `key` goes to hapi-auth-jwt2's verification; the other members land in
 * `request.plugins['hapi-auth-jwt2'].extraInfo`: `alg` and `kid` of the key, or `refusal`, the TokenValidationError.
 */
export interface HapiAuthJwt2KeyResult {
  readonly key: string;
  readonly alg?: AccessTokenAlgorithm;
  readonly kid?: string;
  readonly refusal?: TokenValidationError;
}

export type HapiAuthJwt2Key = (decoded: HapiAuthJwt2DecodedToken | unknown) => Promise<HapiAuthJwt2KeyResult>;

let keyOfNoIssuer: string | undefined;

/**
 * A public key whose private half was never kept: no token verifies with it. hapi-auth-jwt2 answers 500 to an error
 * thrown by the key function (it is outside its error handling), so a refused token is given this key instead,
 * and hapi-auth-jwt2 answers its own 401 "Invalid token".
 */
function publicKeyOfNoIssuer(): string {
  keyOfNoIssuer ??= generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'pem' }) as string;
  return keyOfNoIssuer;
}

/**
 * `server.auth.strategy('jwt', 'jwt', { key: hapiAuthJwt2Key(source), complete: true, validate: async (payload) =>
 * ({ isValid: true, credentials: payload }), verifyOptions: { algorithms: ['RS256'], issuer, audience } })`.
 * With `complete: true`, hapi-auth-jwt2 makes the whole decoded token (`{ header, payload, signature }`) the
 * credentials unless `validate` returns `credentials`: return the payload to keep `request.auth.credentials` as it was.
 * A refused token is answered 401 (its reason in `request.plugins['hapi-auth-jwt2'].extraInfo.refusal`); a provider
 * outage is thrown, which hapi answers 500.
 */
export function hapiAuthJwt2Key(input: IssuerKeySourceInput): HapiAuthJwt2Key {
  const source = issuerKeySourceOf(input);
  return async (decoded) => {
    try {
      return await keyFor(HAPI_AUTH_JWT2, async () => {
        if (!isCompleteToken(decoded)) {
          throw new ConfigurationError('invalid_option', 'the key function received the payload only; register the strategy with complete: true');
        }
        const key = await source.getKey(decoded.header, claimsFromLibrary(decoded.payload));
        return { key: key.pem, alg: key.alg, ...(key.kid === undefined ? {} : { kid: key.kid }) };
      });
    } catch (error) {
      if (!(error instanceof TokenValidationError)) throw error;
      return { key: publicKeyOfNoIssuer(), refusal: error };
    }
  };
}

function isCompleteToken(value: unknown): value is HapiAuthJwt2DecodedToken {
  return typeof value === 'object' && value !== null && typeof (value as HapiAuthJwt2DecodedToken).header === 'object' && 'payload' in value;
}
