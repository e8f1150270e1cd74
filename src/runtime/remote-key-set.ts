/** The issuer's JWKS: cached as long as Cache-Control allows, refetched on an unknown kid at most once per cooldown. */
import { importJWK, type JWK } from 'jose';
import { freshnessLifetimeMs } from './cache-control.js';
import { KeySetError, TokenValidationError } from './errors.js';
import { HttpFailure, httpRequest, parseJsonObject, quote, type Fetch } from './http.js';

export interface RemoteKeySetOptions {
  readonly url: string;
  readonly fetch: Fetch;
  readonly timeoutMs: number;
  /** Least time between two fetches; also the least time a key set is kept, whatever the provider says. */
  readonly cooldownMs: number;
  /** How long a key set is kept when the response has no Cache-Control max-age. */
  readonly defaultMaxAgeMs: number;
  /** The most a key set is kept, however long the provider's max-age: removed keys must stop working. */
  readonly maxAgeCapMs: number;
  /** After a failed fetch of an expired or empty key set, callers get the same error for this long. */
  readonly failureBackoffMs: number;
}

export interface KeySetStats {
  /** Requests sent to the jwks_uri. */
  fetches: number;
  /** Unknown kids refused without a fetch because the last one was within the cooldown. */
  cooldownRefusals: number;
}

/** A verification key as published, reduced to its public part. */
export interface PublishedKey {
  readonly kid: string | undefined;
  readonly kty: 'RSA' | 'EC' | 'OKP';
  readonly crv: string | undefined;
  readonly alg: string | undefined;
  readonly jwk: JWK;
  /** Imported CryptoKeys by `alg`, so each key is imported once per key set. */
  readonly imported: Map<string, Promise<CryptoKey>>;
}

const RSA_ALGORITHMS = new Set(['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512']);
const EC_CURVES: Readonly<Record<string, string>> = { ES256: 'P-256', ES384: 'P-384', ES512: 'P-521' };

function isVerifyingAlgorithm(alg: string): boolean {
  return RSA_ALGORITHMS.has(alg) || Object.hasOwn(EC_CURVES, alg) || alg === 'EdDSA' || alg === 'Ed25519';
}

function fitsAlgorithm(key: PublishedKey, alg: string): boolean {
  if (key.alg !== undefined && key.alg !== alg) return false;
  if (RSA_ALGORITHMS.has(alg)) return key.kty === 'RSA';
  const curve = EC_CURVES[alg];
  if (curve !== undefined) return key.kty === 'EC' && key.crv === curve;
  if (alg === 'EdDSA' || alg === 'Ed25519') return key.kty === 'OKP' && key.crv === 'Ed25519';
  return false;
}

/**
 * Keeps the public signing keys only: symmetric (`oct`) keys are dropped so an HMAC can never be checked
 * against anything published, and private members are dropped so a leaked private JWK is not imported as one.
 */
function toPublishedKey(value: unknown): PublishedKey | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const jwk = value as Record<string, unknown>;
  if (jwk.use !== undefined && jwk.use !== 'sig') return undefined;
  if (jwk.key_ops !== undefined && !(Array.isArray(jwk.key_ops) && jwk.key_ops.includes('verify'))) return undefined;
  const kid = typeof jwk.kid === 'string' ? jwk.kid : undefined;
  const alg = typeof jwk.alg === 'string' ? jwk.alg : undefined;
  const text = (name: string): string | undefined => (typeof jwk[name] === 'string' ? (jwk[name] as string) : undefined);
  const common = { kid, alg, imported: new Map<string, Promise<CryptoKey>>() };
  if (jwk.kty === 'RSA') {
    const n = text('n');
    const e = text('e');
    if (n === undefined || e === undefined) return undefined;
    return { ...common, kty: 'RSA', crv: undefined, jwk: { kty: 'RSA', n, e } };
  }
  if (jwk.kty === 'EC') {
    const crv = text('crv');
    const x = text('x');
    const y = text('y');
    if (crv === undefined || x === undefined || y === undefined) return undefined;
    return { ...common, kty: 'EC', crv, jwk: { kty: 'EC', crv, x, y } };
  }
  if (jwk.kty === 'OKP') {
    const crv = text('crv');
    const x = text('x');
    if (crv === undefined || x === undefined) return undefined;
    return { ...common, kty: 'OKP', crv, jwk: { kty: 'OKP', crv, x } };
  }
  return undefined;
}

/**
 * The keys of one fetched key set, indexed by `kid` so that a warm lookup costs the same with 10 000 keys as
 * with 2. A kid may be shared by keys of different types (one RSA, one EC); the few under one kid are then
 * filtered by algorithm. Tokens without a kid are answered from a per-algorithm memo of the unambiguous choice.
 */
export class PublishedKeyIndex {
  readonly size: number;
  readonly #byKid = new Map<string, PublishedKey[]>();
  readonly #all: readonly PublishedKey[];
  readonly #withoutKidByAlg = new Map<string, PublishedKey | undefined>();

  constructor(keys: readonly PublishedKey[]) {
    this.#all = keys;
    this.size = keys.length;
    for (const key of keys) {
      if (key.kid === undefined) continue;
      const same = this.#byKid.get(key.kid);
      if (same) same.push(key);
      else this.#byKid.set(key.kid, [key]);
    }
  }

  select(alg: string, kid: string | undefined): PublishedKey | undefined {
    if (kid !== undefined) return this.#byKid.get(kid)?.find((key) => fitsAlgorithm(key, alg));
    if (this.#withoutKidByAlg.has(alg)) return this.#withoutKidByAlg.get(alg);
    // The memo is keyed by algorithms this set can verify, so header values cannot grow it without bound.
    if (!isVerifyingAlgorithm(alg)) return undefined;
    // Without a kid the choice must be unambiguous, or a key meant for something else could be picked.
    const candidates = this.#all.filter((key) => fitsAlgorithm(key, alg));
    const chosen = candidates.length === 1 ? candidates[0] : undefined;
    this.#withoutKidByAlg.set(alg, chosen);
    return chosen;
  }
}

export class RemoteKeySet {
  readonly stats: KeySetStats = { fetches: 0, cooldownRefusals: 0 };
  #keys: PublishedKeyIndex | undefined;
  #expiresAt = 0;
  #lastFetchAt = Number.NEGATIVE_INFINITY;
  #pending: Promise<void> | undefined;
  #failure: { error: KeySetError; at: number } | undefined;

  constructor(private readonly options: RemoteKeySetOptions) {}

  /** The key that verifies a token with this header; throws `unknown_kid` or a {@link KeySetError}. */
  async getKey(alg: string, kid: string | undefined): Promise<CryptoKey> {
    // Wait for a fetch already under way rather than judging by the set it is about to replace.
    if (this.#pending) await this.#pending.catch(() => undefined);
    if (!this.#isFresh()) await this.#refresh();

    const found = this.#select(alg, kid);
    if (found) return this.#import(found, alg);

    // An unknown kid may be a key the provider has just started to use, or a forged header. One fetch per
    // cooldown serves the first and keeps a flood of the second from reaching the provider.
    if (Date.now() - this.#lastFetchAt < this.options.cooldownMs) {
      this.stats.cooldownRefusals += 1;
      throw this.#unknownKid(alg, kid, true);
    }
    await this.#refresh();
    const refetched = this.#select(alg, kid);
    if (refetched) return this.#import(refetched, alg);
    throw this.#unknownKid(alg, kid, false);
  }

  #isFresh(): boolean {
    return this.#keys !== undefined && Date.now() < this.#expiresAt;
  }

  #select(alg: string, kid: string | undefined): PublishedKey | undefined {
    return this.#keys?.select(alg, kid);
  }

  #import(key: PublishedKey, alg: string): Promise<CryptoKey> {
    let imported = key.imported.get(alg);
    if (!imported) {
      imported = importJWK(key.jwk, alg) as Promise<CryptoKey>;
      key.imported.set(alg, imported);
      // A key the platform cannot import must not stay cached as a rejected promise.
      imported.catch(() => key.imported.delete(alg));
    }
    return imported;
  }

  #unknownKid(alg: string, kid: string | undefined, cooling: boolean): TokenValidationError {
    const which = kid === undefined ? `no kid, and not exactly one ${alg} key is published` : `kid ${quote(kid, 60)} with alg ${alg}`;
    const when = cooling
      ? ` (the key set was fetched less than ${this.options.cooldownMs} ms ago, so it is not fetched again yet)`
      : ' (the key set was fetched again and still lacks it)';
    return new TokenValidationError('unknown_kid', `no key in ${this.options.url} matches the token: ${which}${when}`, 'kid');
  }

  #refresh(): Promise<void> {
    if (this.#pending) return this.#pending;
    const failure = this.#failure;
    if (failure && Date.now() - failure.at < this.options.failureBackoffMs) return Promise.reject(failure.error);
    this.#lastFetchAt = Date.now();
    this.#pending = this.#load().then(
      () => {
        this.#failure = undefined;
        this.#pending = undefined;
      },
      (error: unknown) => {
        this.#pending = undefined;
        if (error instanceof KeySetError) this.#failure = { error, at: Date.now() };
        throw error;
      },
    );
    return this.#pending;
  }

  async #load(): Promise<void> {
    const { url } = this.options;
    this.stats.fetches += 1;
    let response;
    try {
      response = await httpRequest(this.options.fetch, url, { headers: { accept: 'application/jwk-set+json, application/json' } }, this.options.timeoutMs);
    } catch (error) {
      const why = error instanceof HttpFailure ? error.message : String(error);
      throw new KeySetError('jwks_unavailable', `could not fetch the key set ${url}: ${why}`, { cause: error });
    }
    if (response.status < 200 || response.status > 299) {
      throw new KeySetError('jwks_unavailable', `the key set ${url} answered ${response.status}`);
    }
    const document = parseJsonObject(response.body);
    if (!document || !Array.isArray(document.keys)) {
      throw new KeySetError('jwks_invalid', `the key set ${url} did not answer a JSON object with a keys array`);
    }
    const keys = new PublishedKeyIndex(document.keys.map(toPublishedKey).filter((key): key is PublishedKey => key !== undefined));

    const { cooldownMs, defaultMaxAgeMs, maxAgeCapMs } = this.options;
    const lifetime = freshnessLifetimeMs(response.headers) ?? defaultMaxAgeMs;
    // The floor keeps a provider answering max-age=0 (or no-store) from turning every request into a fetch.
    const kept = Math.min(Math.max(lifetime, cooldownMs), maxAgeCapMs);
    this.#keys = keys;
    this.#expiresAt = Date.now() + kept;
  }
}
