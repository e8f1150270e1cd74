/** hapi-auth-jwt2 11: `key: async (decoded) => ({ key })` with `complete: true`, and an `errorFunc` for our errors. */
import { ConfigurationError, OidcRuntimeError, ProviderError, TokenValidationError } from '../errors.js';
import { issuerKeySourceOf, keyFor, type IssuerKeySourceInput, type JoseHeaderInput } from '../issuer-key-source.js';
import type { AccessTokenAlgorithm } from '../access-token-policy.js';

export const HAPI_AUTH_JWT2 = 'hapi-auth-jwt2';

export interface HapiAuthJwt2DecodedToken {
  readonly header: JoseHeaderInput;
  readonly payload: unknown;
  readonly signature?: string;
}

/** `key` lands in hapi-auth-jwt2's verification; `alg` and `kid` in `request.plugins['hapi-auth-jwt2'].extraInfo`. */
export interface HapiAuthJwt2KeyResult {
  readonly key: string;
  readonly alg: AccessTokenAlgorithm;
  readonly kid: string | undefined;
}

export type HapiAuthJwt2Key = (decoded: HapiAuthJwt2DecodedToken | unknown) => Promise<HapiAuthJwt2KeyResult>;

/** hapi-auth-jwt2's error context (`errorFunc(context)`), as far as it is read here. */
export interface HapiAuthJwt2ErrorContext {
  errorType: string;
  message: string;
  error?: unknown;
  scheme?: string;
  [member: string]: unknown;
}

/**
 * `server.auth.strategy('jwt', 'jwt', { key: hapiAuthJwt2Key(source), complete: true, errorFunc: hapiAuthJwt2ErrorFunc,
 * validate, verifyOptions: { algorithms: [...source.algorithms], issuer, audience } })`. hapi-auth-jwt2 boomifies an
 * error of the key function as a 500; {@link hapiAuthJwt2ErrorFunc} answers 401 for a refused token, 503 when the
 * provider could not answer.
 */
export function hapiAuthJwt2Key(input: IssuerKeySourceInput): HapiAuthJwt2Key {
  const source = issuerKeySourceOf(input);
  return (decoded) =>
    keyFor(HAPI_AUTH_JWT2, async () => {
      if (!isCompleteToken(decoded)) {
        throw new ConfigurationError('invalid_option', 'the key function received the payload only; register the strategy with complete: true');
      }
      const key = await source.getKey(decoded.header, decoded.payload as Record<string, unknown>);
      return { key: key.pem, alg: key.alg, kid: key.kid };
    });
}

/** hapi-auth-jwt2 `errorFunc`: our errors become Boom 401 (refused token) or 503 (provider down); others pass as they are. */
export function hapiAuthJwt2ErrorFunc(context: HapiAuthJwt2ErrorContext): HapiAuthJwt2ErrorContext {
  const { error } = context;
  if (!(error instanceof OidcRuntimeError)) return context;
  if (error instanceof TokenValidationError) return { ...context, errorType: 'unauthorized', message: error.message };
  if (error instanceof ProviderError) return { ...context, errorType: 'serverUnavailable', message: error.message };
  return context;
}

function isCompleteToken(value: unknown): value is HapiAuthJwt2DecodedToken {
  return typeof value === 'object' && value !== null && typeof (value as HapiAuthJwt2DecodedToken).header === 'object' && 'payload' in value;
}
