/**
 * The issuer's signing keys for JWT middleware that verifies the signature itself (express-jwt, passport-jwt,
 * koa-jwt, @fastify/jwt, hapi, fast-jwt, njwt, @nestjs/jwt): discovery, the cached JWKS, the algorithm pinned
 * to the key, and the access-token claim checks made before any key is handed out.
 */
import { KeyObject } from 'node:crypto';
import { decodeJwt, errors as joseErrors } from 'jose';
import {
  checkAccessTokenClaims,
  checkHeader,
  readAccessTokenPolicy,
  readHeader,
  type AccessTokenAlgorithm,
  type AccessTokenPolicyOptions,
} from './access-token-policy.js';
import type { AccessTokenClaims } from './access-token-verifier.js';
import { TokenValidationError, withLibraryName } from './errors.js';
import { IssuerKeySet, type IssuerKeySetOptions, type IssuerKeySetStats } from './issuer-key-set.js';

/**
 * Options of {@link createIssuerKeySource}: those of `createAccessTokenVerifier` (issuer, audience, clientId,
 * tokenUse, algorithms, clockTolerance, the JWKS cache and HTTP settings), with the same defaults and checks.
 */
export interface IssuerKeySourceOptions extends AccessTokenPolicyOptions, IssuerKeySetOptions {}

/** A verification key of the issuer, in every form a JWT library takes, with the one algorithm it may verify. */
export interface IssuerSigningKey {
  /** The algorithm this key verifies: the token header's `alg`, checked against `algorithms`. */
  readonly alg: AccessTokenAlgorithm;
  readonly kid: string | undefined;
  /** SPKI PEM (`-----BEGIN PUBLIC KEY-----`): taken by every library. */
  readonly pem: string;
  /** Node.js KeyObject: taken by jsonwebtoken-based libraries; fast-jwt and @fastify/jwt refuse it. */
  readonly keyObject: KeyObject;
  /** WebCrypto key: for jose. */
  readonly cryptoKey: CryptoKey;
}

/** A JOSE header as a library hands it over (decoded, unverified). */
export interface JoseHeaderInput {
  readonly alg?: unknown;
  readonly kid?: unknown;
  readonly typ?: unknown;
}

export interface IssuerKeySource {
  readonly issuer: string;
  /** The accepted algorithms (default `['RS256']`); never `none` or HMAC. */
  readonly algorithms: readonly AccessTokenAlgorithm[];
  /**
   * The key for a token with this header. When the library hands over the (unverified) claims too, they are
   * checked first as `createAccessTokenVerifier` checks them (issuer, not an ID token, audience, times, client):
   * the library then verifies the signature over these same claims, so the checks hold for the verified token.
   * Rejects with TokenValidationError (the token is refused), or DiscoveryError / KeySetError / ConfigurationError.
   */
  getKey(header: JoseHeaderInput, claims?: Record<string, unknown>): Promise<IssuerSigningKey>;
  /** {@link getKey} for a raw compact JWT, for libraries that hand over the token itself (passport-jwt, @nestjs/jwt). */
  getKeyForToken(token: string): Promise<IssuerSigningKey>;
  /**
   * The claim checks alone, for claims a library verified without handing them to the key hook (njwt):
   * returns them frozen, or throws TokenValidationError.
   */
  checkClaims(claims: Record<string, unknown>): AccessTokenClaims;
  readonly stats: IssuerKeySetStats;
}

/** What the adapters accept: a shared key source, or the options to make one. */
export type IssuerKeySourceInput = IssuerKeySource | IssuerKeySourceOptions;

interface KeyForms {
  readonly pem: string;
  readonly keyObject: KeyObject;
}

export function createIssuerKeySource(options: IssuerKeySourceOptions): IssuerKeySource {
  const policy = readAccessTokenPolicy(options);
  const { issuer } = policy;
  const algorithms = policy.algorithms as readonly AccessTokenAlgorithm[];
  const keySet = new IssuerKeySet(issuer, policy.allowHttpForLoopback, options, policy.provider.discoveryUrls);
  // The key set imports each key once per algorithm, so the CryptoKey identifies the key; forms live as long as it does.
  const forms = new WeakMap<CryptoKey, KeyForms>();

  function formsOf(cryptoKey: CryptoKey): KeyForms {
    let known = forms.get(cryptoKey);
    if (!known) {
      const keyObject = KeyObject.from(cryptoKey);
      known = { keyObject, pem: keyObject.export({ type: 'spki', format: 'pem' }) as string };
      forms.set(cryptoKey, known);
    }
    return known;
  }

  async function getKey(header: JoseHeaderInput, claims?: Record<string, unknown>): Promise<IssuerSigningKey> {
    const { alg, kid } = checkHeader(header, algorithms);
    // Claims first: a token for another audience, or an ID token, costs no key lookup (and no JWKS fetch).
    if (claims !== undefined) {
      if (typeof claims !== 'object' || claims === null) throw new TokenValidationError('malformed', 'the token payload is not a JSON object');
      checkAccessTokenClaims(claims, policy);
    }
    const cryptoKey = await keySet.getKey(alg, kid);
    return { alg: alg as AccessTokenAlgorithm, kid, cryptoKey, ...formsOf(cryptoKey) };
  }

  async function getKeyForToken(token: string): Promise<IssuerSigningKey> {
    const header = readHeader(token, algorithms);
    let claims: Record<string, unknown>;
    try {
      claims = decodeJwt(token);
    } catch (error) {
      const why = error instanceof joseErrors.JOSEError ? error.message : 'unreadable payload';
      throw new TokenValidationError('malformed', `the token payload is not a JSON object: ${why}`);
    }
    return getKey({ alg: header.alg, kid: header.kid }, claims);
  }

  return {
    issuer,
    algorithms,
    getKey,
    getKeyForToken,
    checkClaims(claims) {
      if (typeof claims !== 'object' || claims === null) throw new TokenValidationError('malformed', 'the token payload is not a JSON object');
      checkAccessTokenClaims(claims, policy);
      return Object.freeze({ ...claims }) as AccessTokenClaims;
    },
    get stats() {
      return keySet.stats;
    },
  };
}

/**
 * The claims a library handed to its key hook, for {@link IssuerKeySource.getKey}: an absent or non-object payload
 * is refused, so that a hook meant to see the claims never skips their checks.
 */
export function claimsFromLibrary(payload: unknown): Record<string, unknown> {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    throw new TokenValidationError('malformed', 'the token payload is not a JSON object');
  }
  return payload as Record<string, unknown>;
}

/** A key source from the input of an adapter: the one given, or a new one from options. */
export function issuerKeySourceOf(input: IssuerKeySourceInput): IssuerKeySource {
  if (isIssuerKeySource(input)) return input;
  return createIssuerKeySource(input);
}

function isIssuerKeySource(input: IssuerKeySourceInput): input is IssuerKeySource {
  return typeof input === 'object' && input !== null && typeof (input as IssuerKeySource).getKey === 'function';
}

/** Runs a key lookup and names the library in any error, so a log line says which middleware refused the token. */
export async function keyFor<T>(library: string, lookup: () => Promise<T>): Promise<T> {
  try {
    return await lookup();
  } catch (error) {
    throw withLibraryName(error, library);
  }
}
