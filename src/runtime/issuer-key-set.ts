/** The issuer's signing keys: discovery -> jwks_uri -> one cached {@link RemoteKeySet}, refusing org servers' key sets. */
import { IssuerMetadataResolver, metadataEndpoint } from './discovery.js';
import type { Fetch } from './http.js';
import { refuseOrgKeySet } from './issuer.js';
import { checkDuration, checkFetch, DEFAULT_FAILURE_BACKOFF_MS, DEFAULT_TIMEOUT_MS } from './options.js';
import { RemoteKeySet } from './remote-key-set.js';

/** Options of the key cache and of the HTTP requests behind it, as the verifier and the key sources take them. */
export interface IssuerKeySetOptions {
  /** Least time between two JWKS fetches, so unknown kids cannot make it hammer the provider. Default 30 000 ms. */
  readonly jwksCooldownMs?: number;
  /** How long keys are kept when the JWKS response has no Cache-Control max-age. Default 600 000 ms (10 min). */
  readonly jwksDefaultMaxAgeMs?: number;
  /** The most keys are kept, whatever the provider's max-age. Default 86 400 000 ms (24 h). */
  readonly jwksMaxAgeCapMs?: number;
  /** Per HTTP request (discovery, JWKS), body included. Default 5 000 ms. */
  readonly timeoutMs?: number;
  /** After a failed discovery or JWKS fetch, the same error is returned for this long without a new request. Default 1 000 ms. */
  readonly failureBackoffMs?: number;
  /** The fetch to use. Default `globalThis.fetch`. */
  readonly fetch?: Fetch;
}

export interface IssuerKeySetStats {
  readonly discoveryFetches: number;
  readonly jwksFetches: number;
  readonly jwksCooldownRefusals: number;
}

export class IssuerKeySet {
  readonly #discovery: IssuerMetadataResolver;
  readonly #keySetOptions: Omit<ConstructorParameters<typeof RemoteKeySet>[0], 'url'>;
  #keySet: RemoteKeySet | undefined;

  /** Checks the options at construction; nothing is fetched until the first key is asked for. */
  constructor(
    private readonly issuer: string,
    private readonly allowHttpForLoopback: boolean,
    options: IssuerKeySetOptions,
    /** Where to discover the issuer's metadata, when not below the issuer (see ProviderPolicy.discoveryUrls). */
    discoveryUrls?: readonly string[],
  ) {
    const fetch = checkFetch(options.fetch);
    const timeoutMs = checkDuration(options.timeoutMs, 'timeoutMs', DEFAULT_TIMEOUT_MS);
    const failureBackoffMs = checkDuration(options.failureBackoffMs, 'failureBackoffMs', DEFAULT_FAILURE_BACKOFF_MS, true);
    this.#keySetOptions = {
      fetch,
      timeoutMs,
      failureBackoffMs,
      cooldownMs: checkDuration(options.jwksCooldownMs, 'jwksCooldownMs', 30_000, true),
      defaultMaxAgeMs: checkDuration(options.jwksDefaultMaxAgeMs, 'jwksDefaultMaxAgeMs', 600_000),
      maxAgeCapMs: checkDuration(options.jwksMaxAgeCapMs, 'jwksMaxAgeCapMs', 86_400_000),
    };
    this.#discovery = new IssuerMetadataResolver({ issuer, fetch, timeoutMs, failureBackoffMs, ...(discoveryUrls ? { urls: discoveryUrls } : {}) });
  }

  /** The key that verifies a token with this `alg` and `kid`; see {@link RemoteKeySet.getKey}. */
  async getKey(alg: string, kid: string | undefined): Promise<CryptoKey> {
    return (await this.#resolve()).getKey(alg, kid);
  }

  get stats(): IssuerKeySetStats {
    return {
      discoveryFetches: this.#discovery.fetches,
      jwksFetches: this.#keySet?.stats.fetches ?? 0,
      jwksCooldownRefusals: this.#keySet?.stats.cooldownRefusals ?? 0,
    };
  }

  async #resolve(): Promise<RemoteKeySet> {
    if (this.#keySet) return this.#keySet;
    const metadata = await this.#discovery.resolve();
    if (this.#keySet) return this.#keySet;
    const url = metadataEndpoint(metadata, 'jwks_uri', this.allowHttpForLoopback);
    refuseOrgKeySet(this.issuer, url);
    this.#keySet = new RemoteKeySet({ ...this.#keySetOptions, url });
    return this.#keySet;
  }
}
