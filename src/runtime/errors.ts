/** Typed errors of the runtime helpers: each says which check failed, and none carries the token. */

/** Codes of {@link ConfigurationError}: the helper refused its options at construction. */
export type ConfigurationErrorCode =
  /** An option is missing, of the wrong type, or out of range. */
  | 'invalid_option'
  /** A URL is not https (and http was not allowed for a loopback host). */
  | 'insecure_url'
  /** The issuer is an Okta org authorization server, whose access tokens cannot be verified locally. */
  | 'org_authorization_server'
  /** The URL is an endpoint (keys, introspect, discovery) or a malformed Okta URL, not an issuer. */
  | 'not_an_issuer';

/** Codes of {@link TokenValidationError}: the token was looked at and refused (answer 401). */
export type TokenValidationErrorCode =
  /** Not a compact JWS, a header or payload that is not JSON, or too long. */
  | 'malformed'
  /** `alg` is not in the pinned list (`none` and HMAC never are). */
  | 'alg_not_allowed'
  /** The header `typ` names another kind of JWT (logout token, DPoP proof, …). */
  | 'type_not_allowed'
  /** No key in the issuer's JWKS matches the token's `kid` and `alg`. */
  | 'unknown_kid'
  /** The signature does not verify with the issuer's key. */
  | 'signature_invalid'
  | 'issuer_mismatch'
  /** Entra ID: the token's `tid` is not one of the accepted tenants. */
  | 'tenant_mismatch'
  /**
   * A token for the provider's own API (Microsoft Graph, Auth0's /userinfo or Management API), which only the
   * provider may validate: the client must request a token for this API.
   */
  | 'foreign_token'
  /** An ID token presented where an access token is expected. */
  | 'id_token'
  | 'audience_mismatch'
  /** A claim the check needs (`iss`, `aud`, `exp`, `cid`) is absent or of the wrong type. */
  | 'missing_claim'
  | 'expired'
  | 'not_yet_valid'
  | 'issued_in_future'
  /** `cid` (or `client_id`) is not one of the configured client ids. */
  | 'client_id_mismatch'
  /** Introspection answered `active: false`. */
  | 'inactive'
  /** Introspection describes a refresh or ID token. */
  | 'not_an_access_token'
  /** A claim the verifier was told to assert (@okta/jwt-verifier's `assertClaims`) has another value. */
  | 'claim_mismatch';

export type DiscoveryErrorCode =
  /** No discovery document could be fetched (network, timeout, HTTP status). */
  | 'discovery_unavailable'
  /** The document names another issuer than the configured one. */
  | 'discovery_issuer_mismatch'
  /** The document is not JSON, or lacks (or has an insecure) `jwks_uri` / `introspection_endpoint`. */
  | 'discovery_invalid';

export type KeySetErrorCode =
  /** The JWKS could not be fetched (network, timeout, HTTP status) and no fresh cached keys could answer. */
  | 'jwks_unavailable'
  /** The JWKS answer is not a JSON key set. */
  | 'jwks_invalid';

export type IntrospectionErrorCode =
  /** The introspection endpoint could not be reached. */
  | 'introspection_unavailable'
  | 'introspection_timeout'
  /** A non-2xx answer other than a refused client authentication. */
  | 'introspection_http_status'
  /** The server refused the client credentials (401, or `invalid_client`). */
  | 'client_authentication_failed'
  /** The answer is not a JSON object with a boolean `active`. */
  | 'introspection_malformed';

export type OidcRuntimeErrorCode =
  | ConfigurationErrorCode
  | TokenValidationErrorCode
  | DiscoveryErrorCode
  | KeySetErrorCode
  | IntrospectionErrorCode;

/** Base of every error the helpers throw; `code` is stable, `message` is for people. */
export abstract class OidcRuntimeError extends Error {
  abstract readonly code: OidcRuntimeErrorCode;

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }

  /**
   * The HTTP status a server should answer with: 401 for a refused token, 503 when the provider could not
   * answer, 500 for a configuration error. Express's and Fastify's error handlers read `statusCode`.
   */
  get statusCode(): 401 | 500 | 503 {
    if (this instanceof TokenValidationError) return 401;
    if (this instanceof ProviderError) return 503;
    return 500;
  }
}

/**
 * The same error, its message prefixed with the library whose hook threw it (`express-jwt: …`), so that a log
 * line says which middleware refused the token. The original is the `cause`; class, `code` and `claim` are kept.
 */
export function withLibraryName(error: unknown, library: string): unknown {
  if (!(error instanceof OidcRuntimeError) || error.message.startsWith(`${library}: `)) return error;
  const named = Object.assign(Object.create(Object.getPrototypeOf(error) as object) as OidcRuntimeError, error);
  Object.defineProperty(named, 'message', { value: `${library}: ${error.message}`, writable: true, configurable: true });
  Object.defineProperty(named, 'cause', { value: error, writable: true, configurable: true });
  Object.defineProperty(named, 'stack', { value: `${named.name}: ${named.message}\n${error.stack?.split('\n').slice(1).join('\n') ?? ''}`, writable: true, configurable: true });
  return named;
}

/** The options were refused when the helper was created (or, for a discovered org server, at first use). */
export class ConfigurationError extends OidcRuntimeError {
  constructor(
    readonly code: ConfigurationErrorCode,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** The token failed a check; the request should be answered 401. */
export class TokenValidationError extends OidcRuntimeError {
  constructor(
    readonly code: TokenValidationErrorCode,
    message: string,
    /** The claim or header parameter that failed, when there is one. */
    readonly claim?: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/**
 * The authorization server could not answer, so the token could not be checked and was not accepted.
 * The request should be answered 503 (or 401), never let through.
 */
export abstract class ProviderError extends OidcRuntimeError {}

export class DiscoveryError extends ProviderError {
  constructor(
    readonly code: DiscoveryErrorCode,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

export class KeySetError extends ProviderError {
  constructor(
    readonly code: KeySetErrorCode,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

export class IntrospectionError extends ProviderError {
  constructor(
    readonly code: IntrospectionErrorCode,
    message: string,
    /**
     * The introspection endpoint's HTTP status, when there was an answer. Not named `status`: Express, Koa and
     * Fastify answer an error's `status`, and this one must be answered 503 (its `statusCode`).
     */
    readonly endpointStatus?: number,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
