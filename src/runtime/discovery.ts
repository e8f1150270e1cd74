/** Authorization server metadata by discovery (RFC 8414, then OpenID Connect Discovery), fetched once and shared. */
import { discoveryUrls } from '../knowledge/issuers.js';
import { DiscoveryError } from './errors.js';
import { HttpFailure, httpRequest, insecureUrlProblem, parseJsonObject, quote, type Fetch } from './http.js';

export interface AuthorizationServerMetadata {
  readonly issuer: string;
  readonly jwks_uri?: string;
  readonly introspection_endpoint?: string;
  readonly token_endpoint?: string;
  readonly [field: string]: unknown;
}

export interface DiscoveryOptions {
  readonly issuer: string;
  readonly fetch: Fetch;
  readonly timeoutMs: number;
  /** After a failed discovery, callers get the same error for this long instead of a new request each. */
  readonly failureBackoffMs: number;
  /** The documents to try, when not those below the issuer (Entra ID multi-tenant and v1 issuers). */
  readonly urls?: readonly string[];
}

export class IssuerMetadataResolver {
  /** Requests sent for discovery documents, for tests and benchmarks. */
  fetches = 0;
  #metadata: AuthorizationServerMetadata | undefined;
  #pending: Promise<AuthorizationServerMetadata> | undefined;
  #failure: { error: DiscoveryError; at: number } | undefined;

  constructor(private readonly options: DiscoveryOptions) {}

  /** The metadata, from the first successful discovery; concurrent first calls wait on one fetch. */
  resolve(): Promise<AuthorizationServerMetadata> {
    if (this.#metadata) return Promise.resolve(this.#metadata);
    if (this.#pending) return this.#pending;
    const failure = this.#failure;
    if (failure && Date.now() - failure.at < this.options.failureBackoffMs) return Promise.reject(failure.error);
    this.#pending = this.#discover().then(
      (metadata) => {
        this.#metadata = metadata;
        this.#failure = undefined;
        this.#pending = undefined;
        return metadata;
      },
      (error: unknown) => {
        this.#pending = undefined;
        if (error instanceof DiscoveryError) this.#failure = { error, at: Date.now() };
        throw error;
      },
    );
    return this.#pending;
  }

  async #discover(): Promise<AuthorizationServerMetadata> {
    const { issuer } = this.options;
    const misses: string[] = [];
    for (const url of this.options.urls ?? discoveryUrls(issuer)) {
      this.fetches += 1;
      let response;
      try {
        response = await httpRequest(this.options.fetch, url, { headers: { accept: 'application/json' } }, this.options.timeoutMs);
      } catch (error) {
        // Both documents live on the same host: if it cannot be reached for one, it cannot for the other.
        const why = error instanceof HttpFailure ? error.message : String(error);
        throw new DiscoveryError('discovery_unavailable', `could not fetch the discovery document of ${issuer} from ${url}: ${why}`, {
          cause: error,
        });
      }
      if (response.status < 200 || response.status > 299) {
        misses.push(`${url} answered ${response.status}`);
        continue;
      }
      const document = parseJsonObject(response.body);
      if (!document) {
        misses.push(`${url} did not answer a JSON object`);
        continue;
      }
      // RFC 8414 §3.3 / OIDC Discovery §4.3: a document for another issuer must not be used, or its keys
      // would be trusted for ours.
      if (document.issuer !== issuer) {
        const hint =
          typeof document.issuer === 'string' && document.issuer.replace(/\/+$/, '') === issuer.replace(/\/+$/, '')
            ? ' (they differ only by a trailing slash; configure the issuer exactly as the provider spells it)'
            : '';
        throw new DiscoveryError(
          'discovery_issuer_mismatch',
          `the discovery document at ${url} names issuer ${quote(document.issuer)}, not the configured ${quote(issuer)}${hint}`,
        );
      }
      return document as unknown as AuthorizationServerMetadata;
    }
    const invalid = misses.some((miss) => miss.endsWith('JSON object'));
    throw new DiscoveryError(
      invalid ? 'discovery_invalid' : 'discovery_unavailable',
      `no discovery document for ${issuer}: ${misses.join('; ')}`,
    );
  }
}

/** An endpoint from the metadata, refused when absent or not safe to call. */
export function metadataEndpoint(
  metadata: AuthorizationServerMetadata,
  field: 'jwks_uri' | 'introspection_endpoint',
  allowHttpForLoopback: boolean,
): string {
  const value = metadata[field];
  if (typeof value !== 'string' || value === '') {
    throw new DiscoveryError('discovery_invalid', `the discovery document of ${metadata.issuer} has no ${field}`);
  }
  const problem = insecureUrlProblem(value, allowHttpForLoopback);
  if (problem) throw new DiscoveryError('discovery_invalid', `the ${field} of ${metadata.issuer}, ${value}, ${problem}`);
  return value;
}
