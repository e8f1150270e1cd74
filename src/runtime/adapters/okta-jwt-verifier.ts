/**
 * @okta/jwt-verifier at an Okta org authorization server: a verifier whose `verifyAccessToken(token, audience)`
 * introspects, for an `OktaJwtVerifier` that other modules use, so that they keep calling it as they did.
 */
import { introspectorOf, type IntrospectingMiddlewareOptions } from '../bearer-introspection.js';
import { ConfigurationError, TokenValidationError, withLibraryName } from '../errors.js';
import { quote } from '../http.js';
import type { IntrospectionResult } from '../token-introspector.js';

export const OKTA_JWT_VERIFIER = '@okta/jwt-verifier';

export interface IntrospectingOktaJwtVerifierOptions extends IntrospectingMiddlewareOptions {
  /**
   * As @okta/jwt-verifier's: `{ claim: value }` asserts equality, `{ 'claim.includes': value | values }` that an array
   * (or string) claim includes each value; checked on the claims below, after the audience.
   */
  readonly assertClaims?: Readonly<Record<string, unknown>>;
}

/**
 * The introspection answer, with the names @okta/jwt-verifier's callers read from an org access token added where
 * the answer has them under its own: `scp` (the answer's `scope`, split on spaces) and `cid` (`client_id`).
 */
export type OktaAccessTokenClaims = IntrospectionResult & { readonly scp?: readonly string[]; readonly cid?: string };

/** What @okta/jwt-verifier resolved with, less the JOSE header (an introspected token is not read locally). */
export interface IntrospectedOktaJwt {
  readonly header: Readonly<Record<string, never>>;
  readonly claims: OktaAccessTokenClaims;
  toString(): string;
  isExpired(): boolean;
  isNotBefore(): boolean;
}

export interface IntrospectingOktaJwtVerifier {
  /** Introspects; then, as @okta/jwt-verifier did, checks `aud` against `expectedAudience` and the asserted claims. */
  verifyAccessToken(accessToken: string, expectedAudience: string | readonly string[]): Promise<IntrospectedOktaJwt>;
  /** ID tokens are not introspected: rejects, saying to keep an OktaJwtVerifier for them. */
  verifyIdToken(idToken: string, expectedClientId?: string, expectedNonce?: string): Promise<never>;
}

/**
 * `introspectingOktaJwtVerifier({ introspector, assertClaims })` in place of `new OktaJwtVerifier({ issuer: org, … })`:
 * `await verifier.verifyAccessToken(token, audience)` keeps resolving with `{ claims }`, now the introspection answer.
 */
export function introspectingOktaJwtVerifier(options: IntrospectingOktaJwtVerifierOptions): IntrospectingOktaJwtVerifier {
  if (typeof options !== 'object' || options === null) throw new ConfigurationError('invalid_option', `${OKTA_JWT_VERIFIER}: options are required`);
  const introspector = introspectorOf(options.introspector);
  const assertions = assertionsOf(options.assertClaims);
  return {
    async verifyAccessToken(accessToken, expectedAudience) {
      try {
        if (expectedAudience === undefined || expectedAudience === null || (expectedAudience as unknown) === '') {
          throw new ConfigurationError('invalid_option', 'verifyAccessToken(token, expectedAudience): the expected audience is required, as @okta/jwt-verifier required it');
        }
        const answer = await introspector.introspect(accessToken);
        const claims = oktaClaimsOf(answer);
        checkAudience(claims.aud, expectedAudience);
        for (const assertion of assertions) assertion(claims);
        return Object.freeze({
          header: Object.freeze({}),
          claims,
          toString: () => accessToken,
          isExpired: () => typeof claims.exp === 'number' && claims.exp * 1000 <= Date.now(),
          isNotBefore: () => typeof claims.nbf === 'number' && claims.nbf * 1000 > Date.now(),
        });
      } catch (error) {
        throw withLibraryName(error, OKTA_JWT_VERIFIER);
      }
    },
    async verifyIdToken() {
      throw new ConfigurationError(
        'invalid_option',
        `${OKTA_JWT_VERIFIER}: this verifier introspects access tokens of an Okta org authorization server; verify ID tokens with an OktaJwtVerifier, as before`,
      );
    },
  };
}

function oktaClaimsOf(answer: IntrospectionResult): OktaAccessTokenClaims {
  const added: { scp?: readonly string[]; cid?: string } = {};
  if (answer.scp === undefined && typeof answer.scope === 'string') added.scp = Object.freeze(answer.scope.split(' ').filter((scope) => scope !== ''));
  if (answer.cid === undefined && typeof answer.client_id === 'string') added.cid = answer.client_id;
  return Object.freeze({ ...answer, ...added }) as OktaAccessTokenClaims;
}

/** As @okta/jwt-verifier's verifyAudience: a string or one of a list, against an `aud` string or list. */
function checkAudience(aud: unknown, expected: string | readonly string[]): void {
  const expectedList: readonly unknown[] = Array.isArray(expected) ? expected : [expected];
  const actual: readonly unknown[] = Array.isArray(aud) ? aud : aud === undefined ? [] : [aud];
  if (!actual.some((value) => typeof value === 'string' && expectedList.includes(value))) {
    throw new TokenValidationError('audience_mismatch', `aud ${quote(aud)} does not match the expected audience ${quote(expected)}`, 'aud');
  }
}

type Assertion = (claims: OktaAccessTokenClaims) => void;

/** @okta/jwt-verifier's assertClaims, read once: an unknown operator is refused here rather than at every token. */
function assertionsOf(assertClaims: Readonly<Record<string, unknown>> | undefined): Assertion[] {
  if (assertClaims === undefined) return [];
  if (typeof assertClaims !== 'object' || assertClaims === null) throw new ConfigurationError('invalid_option', `${OKTA_JWT_VERIFIER}: assertClaims must be an object`);
  return Object.entries(assertClaims).map(([key, expected]): Assertion => {
    const dot = key.indexOf('.');
    const claim = dot >= 0 ? key.slice(0, dot) : key;
    const operator = dot >= 0 ? key.slice(dot + 1) : undefined;
    if (operator !== undefined && operator !== 'includes') {
      throw new ConfigurationError('invalid_option', `${OKTA_JWT_VERIFIER}: assertClaims operator ${quote(operator)} is not supported; the supported operator is 'includes'`);
    }
    return (claims) => {
      const actual = (claims as Record<string, unknown>)[claim];
      if (operator === undefined) {
        if (actual !== expected) throw new TokenValidationError('claim_mismatch', `claim ${quote(claim)} is ${quote(actual)}, not the asserted ${quote(expected)}`, claim);
        return;
      }
      const includes = (value: unknown) => (Array.isArray(actual) || typeof actual === 'string') && (actual as { includes(value: unknown): boolean }).includes(value);
      for (const value of Array.isArray(expected) ? expected : [expected]) {
        if (!includes(value)) throw new TokenValidationError('claim_mismatch', `claim ${quote(claim)} (${quote(actual)}) does not include the asserted ${quote(value)}`, claim);
      }
    };
  });
}
