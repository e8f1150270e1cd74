/** Local verification of JWT access tokens from an authorization server that is meant to be verified locally. */
import { compactVerify, type CompactJWSHeaderParameters, type JWTPayload } from 'jose';
import {
  checkAccessTokenClaims,
  joseFailure,
  parseClaims,
  readAccessTokenPolicy,
  readHeader,
  type AccessTokenPolicyOptions,
} from './access-token-policy.js';
import { IssuerKeySet, type IssuerKeySetOptions } from './issuer-key-set.js';

export { ACCESS_TOKEN_ALGORITHMS, type AccessTokenAlgorithm } from './access-token-policy.js';

export interface AccessTokenVerifierOptions extends AccessTokenPolicyOptions, IssuerKeySetOptions {}

/** The claims of a verified access token; Okta's and RFC 9068's usual ones are typed, the rest are kept as they are. */
export interface AccessTokenClaims extends JWTPayload {
  readonly iss: string;
  /** Present on every token, except with `tokenUse` (AWS Cognito access tokens carry no `aud`). */
  readonly aud?: string | string[];
  readonly exp: number;
  /** Okta: the client the token was issued to. */
  readonly cid?: string;
  /** RFC 9068: the client the token was issued to. */
  readonly client_id?: string;
  /** Okta: granted scopes. */
  readonly scp?: string[];
  /** RFC 9068: granted scopes, space-separated. */
  readonly scope?: string;
  /** Okta: the user's id. */
  readonly uid?: string;
  /** Auth0, Keycloak, Entra ID v2: the client the token was issued to. */
  readonly azp?: string;
  /** Entra ID: the tenant. */
  readonly tid?: string;
  /** Entra ID: application roles (tokens of daemon apps carry these instead of `scp`). */
  readonly roles?: string[];
}

/** What jose's `jwtVerify` resolves with, for code that reads the header as well as the claims. */
export interface VerifiedAccessToken {
  readonly payload: AccessTokenClaims;
  readonly protectedHeader: CompactJWSHeaderParameters;
}

export interface AccessTokenVerifierStats {
  readonly discoveryFetches: number;
  readonly jwksFetches: number;
  readonly jwksCooldownRefusals: number;
}

export interface AccessTokenVerifier {
  readonly issuer: string;
  /** Resolves with the token's claims, or rejects with a TokenValidationError, DiscoveryError, KeySetError or ConfigurationError. */
  verify(token: string): Promise<AccessTokenClaims>;
  /**
   * Node-style: calls back with `(error)` or `(null, claims)`, as `jsonwebtoken.verify(token, key, options,
   * callback)` did, so that code migrated from it keeps its callback.
   */
  verify(token: string, callback: (error: Error | null, claims?: AccessTokenClaims) => void): void;
  /**
   * As `verify`, resolving with `{ payload, protectedHeader }` as jose's `jwtVerify` does, so that code migrated
   * from it keeps reading the header (`protectedHeader.kid`).
   */
  verifyWithHeader(token: string): Promise<VerifiedAccessToken>;
  /** Counts of requests sent to the provider so far. */
  readonly stats: AccessTokenVerifierStats;
}

export function createAccessTokenVerifier(options: AccessTokenVerifierOptions): AccessTokenVerifier {
  const policy = readAccessTokenPolicy(options);
  const { issuer, algorithms } = policy;
  const keySet = new IssuerKeySet(issuer, policy.allowHttpForLoopback, options, policy.provider.discoveryUrls);

  async function verifyWithHeader(token: string): Promise<VerifiedAccessToken> {
    const header = readHeader(token, algorithms);
    const key = await keySet.getKey(header.alg, header.kid);

    let verified: Awaited<ReturnType<typeof compactVerify>>;
    try {
      verified = await compactVerify(token, key, { algorithms: [...algorithms] });
    } catch (error) {
      throw joseFailure(error);
    }
    const claims = parseClaims(verified.payload);
    checkAccessTokenClaims(claims, policy);
    return Object.freeze({ payload: Object.freeze(claims) as AccessTokenClaims, protectedHeader: Object.freeze({ ...verified.protectedHeader }) });
  }

  async function verify(token: string): Promise<AccessTokenClaims> {
    return (await verifyWithHeader(token)).payload;
  }

  function verifyWithOptionalCallback(token: string): Promise<AccessTokenClaims>;
  function verifyWithOptionalCallback(token: string, callback: (error: Error | null, claims?: AccessTokenClaims) => void): void;
  function verifyWithOptionalCallback(
    token: string,
    callback?: (error: Error | null, claims?: AccessTokenClaims) => void,
  ): Promise<AccessTokenClaims> | void {
    if (!callback) return verify(token);
    // The callback runs outside the promise chain, so that an exception it throws is not taken for a
    // verification failure and reported to it a second time.
    verify(token).then(
      (claims) => queueMicrotask(() => callback(null, claims)),
      (error: unknown) => queueMicrotask(() => callback(error instanceof Error ? error : new Error(String(error)))),
    );
  }

  return {
    issuer,
    verify: verifyWithOptionalCallback,
    verifyWithHeader,
    get stats(): AccessTokenVerifierStats {
      return keySet.stats;
    },
  };
}
