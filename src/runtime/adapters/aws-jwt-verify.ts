/** aws-jwt-verify: a verifier with its `verify(token)` that introspects, for `JwtVerifier.create` at an org authorization server. */
import { introspectorOf, type IntrospectingMiddlewareOptions } from '../bearer-introspection.js';
import { ConfigurationError, withLibraryName } from '../errors.js';
import type { IntrospectionResult } from '../token-introspector.js';

export const AWS_JWT_VERIFY = 'aws-jwt-verify';

/** The part of aws-jwt-verify's verifier its callers use. */
export interface IntrospectingJwtVerifier {
  /** The active introspection answer; rejects as TokenValidationError (401) or ProviderError (503). `properties` are ignored: the server decides. */
  verify(token: string, properties?: unknown): Promise<IntrospectionResult>;
  /** Introspection is asynchronous: throws, saying to await verify(token). */
  verifySync(token: string, properties?: unknown): never;
  /** Nothing to load ahead: resolves at once. */
  hydrate(): Promise<void>;
}

/**
 * `const verifier = introspectingJwtVerifier({ introspector })` in place of `JwtVerifier.create({ issuer: org, … })`
 * (or `JwtRsaVerifier.create`): `await verifier.verify(token)` keeps working, with the introspection answer
 * (`active`, `sub`, `uid`, `client_id`, `scope`, …) in place of the token's payload.
 */
export function introspectingJwtVerifier(options: IntrospectingMiddlewareOptions): IntrospectingJwtVerifier {
  const introspector = introspectorOf(options.introspector);
  return {
    async verify(token) {
      try {
        return await introspector.introspect(token);
      } catch (error) {
        throw withLibraryName(error, AWS_JWT_VERIFY);
      }
    },
    verifySync() {
      throw new ConfigurationError('invalid_option', `${AWS_JWT_VERIFY}: tokens of this issuer are introspected, which is asynchronous: call await verifier.verify(token)`);
    },
    async hydrate() {},
  };
}
