/** RFC 7662 token introspection that fails closed: only an answer of `active: true` lets a token through. */
import { IssuerMetadataResolver, metadataEndpoint } from './discovery.js';
import { ConfigurationError, IntrospectionError, TokenValidationError } from './errors.js';
import { createClientAuthentication, type ClientAssertionAlgorithm, type PrivateKeyInput } from './client-authentication.js';
import { HttpFailure, httpRequest, insecureUrlProblem, parseJsonObject, quote, type Fetch } from './http.js';
import { PositiveAnswerCache } from './introspection-cache.js';
import { checkIssuerUrl, orgIntrospectionEndpoint } from './issuer.js';
import { checkDuration, checkFetch, checkStringList, DEFAULT_FAILURE_BACKOFF_MS, DEFAULT_TIMEOUT_MS, MAX_TOKEN_LENGTH } from './options.js';

interface CommonIntrospectorOptions {
  /** The issuer: an Okta org (`https://acme.okta.com`) or any server with an `introspection_endpoint`. */
  readonly issuer: string;
  /** The client that calls the introspection endpoint. */
  readonly clientId: string;
  /** Skip discovery and post here. Default: `<org>/oauth2/v1/introspect` for an Okta org, else the discovered `introspection_endpoint`. */
  readonly introspectionEndpoint?: string;
  /**
   * When given, an active answer must name one of these in `aud` (an answer without `aud` is refused). Written out
   * as `undefined` (an unset environment variable), it is a configuration error rather than no check.
   */
  readonly audience?: string | readonly string[];
  /**
   * When given, an active answer's `client_id` must be one of these: tokens issued to other clients of the same
   * authorization server are refused. An answer without `client_id` is refused too (fails closed).
   */
  readonly allowedClientIds?: string | readonly string[];
  /** Seconds of clock skew allowed when an active answer's `exp` is checked. Default 5. */
  readonly clockTolerance?: number;
  /** Per HTTP request (discovery, introspection), body included. Default 5 000 ms. */
  readonly timeoutMs?: number;
  /** After a failed discovery, the same error is returned for this long without a new request. Default 1 000 ms. */
  readonly failureBackoffMs?: number;
  /** Keep positive answers this long (never past the token's `exp`). Default 0: no cache. */
  readonly cacheTtlMs?: number;
  /** The most answers kept; the least recently used go first. Default 1 000. */
  readonly cacheMaxEntries?: number;
  /** Allow plain http for loopback hosts (127.0.0.0/8, ::1, localhost), for tests. Default false. */
  readonly allowHttpForLoopback?: boolean;
  /** The fetch to use. Default `globalThis.fetch`. */
  readonly fetch?: Fetch;
}

export interface ClientSecretOptions extends CommonIntrospectorOptions {
  /** client_secret_basic. */
  readonly clientSecret: string;
  readonly privateKey?: never;
}

export interface PrivateKeyOptions extends CommonIntrospectorOptions {
  /** private_key_jwt: a CryptoKey, KeyObject, private JWK or PKCS#8 PEM. */
  readonly privateKey: PrivateKeyInput;
  /** Default: the JWK's `alg`, else RS256. */
  readonly privateKeyAlgorithm?: ClientAssertionAlgorithm;
  /** `kid` of the assertion header. Default: the JWK's `kid`. */
  readonly privateKeyId?: string;
  readonly clientSecret?: never;
}

export type TokenIntrospectorOptions = ClientSecretOptions | PrivateKeyOptions;

/** An active introspection answer (RFC 7662 §2.2); members other than `active` are as the server sent them. */
export interface IntrospectionResult {
  readonly active: true;
  readonly scope?: string;
  readonly client_id?: string;
  readonly username?: string;
  readonly token_type?: string;
  readonly exp?: number;
  readonly iat?: number;
  readonly nbf?: number;
  readonly sub?: string;
  readonly aud?: string | string[];
  readonly iss?: string;
  readonly jti?: string;
  /** Okta: the user's id. */
  readonly uid?: string;
  readonly [claim: string]: unknown;
}

export interface TokenIntrospectorStats {
  readonly discoveryFetches: number;
  readonly introspectionRequests: number;
  readonly cacheHits: number;
  readonly cacheSize: number;
}

export interface TokenIntrospector {
  readonly issuer: string;
  /** Resolves with the active answer, or rejects with a TokenValidationError, IntrospectionError or DiscoveryError. */
  introspect(token: string): Promise<IntrospectionResult>;
  /**
   * Node-style: calls back once, asynchronously, with `(error)` or `(null, answer)`, as `jsonwebtoken.verify(token,
   * key, options, callback)` did, so that code migrated from it keeps its callback.
   */
  introspect(token: string, callback: (error: Error | null, answer?: IntrospectionResult) => void): void;
  readonly stats: TokenIntrospectorStats;
}

const NOT_ACCESS_TOKEN_TYPES = new Set([
  'refresh_token',
  'id_token',
  'urn:ietf:params:oauth:token-type:refresh_token',
  'urn:ietf:params:oauth:token-type:id_token',
]);

export function createTokenIntrospector(options: TokenIntrospectorOptions): TokenIntrospector {
  if (typeof options !== 'object' || options === null) throw new ConfigurationError('invalid_option', 'options are required');
  const allowHttpForLoopback = options.allowHttpForLoopback === true;
  const { issuer } = options;
  checkIssuerUrl(issuer, allowHttpForLoopback);
  const clientAuthentication = createClientAuthentication(options);
  if ('audience' in options && options.audience === undefined) {
    // Written out but undefined, as an unset environment variable gives: checking no audience would widen what passes.
    throw new ConfigurationError('invalid_option', 'audience is given but undefined (an unset environment variable?): set it to the audience the API accepts, or leave the option out');
  }
  const audiences = options.audience === undefined ? undefined : checkStringList(options.audience, 'audience', true);
  const allowedClientIds =
    options.allowedClientIds === undefined ? undefined : checkStringList(options.allowedClientIds, 'allowedClientIds', true);
  const clockTolerance = options.clockTolerance ?? 5;
  if (typeof clockTolerance !== 'number' || !Number.isFinite(clockTolerance) || clockTolerance < 0 || clockTolerance > 300) {
    throw new ConfigurationError('invalid_option', 'clockTolerance must be a number of seconds from 0 to 300');
  }
  const fetchImpl = checkFetch(options.fetch);
  const timeoutMs = checkDuration(options.timeoutMs, 'timeoutMs', DEFAULT_TIMEOUT_MS);
  const failureBackoffMs = checkDuration(options.failureBackoffMs, 'failureBackoffMs', DEFAULT_FAILURE_BACKOFF_MS, true);
  const cacheTtlMs = checkDuration(options.cacheTtlMs, 'cacheTtlMs', 0, true);
  const cacheMaxEntries = options.cacheMaxEntries ?? 1_000;
  if (!Number.isInteger(cacheMaxEntries) || cacheMaxEntries < 1) {
    throw new ConfigurationError('invalid_option', 'cacheMaxEntries must be a positive integer');
  }
  const cache = cacheTtlMs > 0 ? new PositiveAnswerCache<IntrospectionResult>(cacheMaxEntries, cacheTtlMs) : undefined;

  const configuredEndpoint = options.introspectionEndpoint ?? orgIntrospectionEndpoint(issuer);
  if (configuredEndpoint !== undefined) {
    const problem = insecureUrlProblem(configuredEndpoint, allowHttpForLoopback);
    if (problem) throw new ConfigurationError('insecure_url', `introspectionEndpoint ${configuredEndpoint} ${problem}`);
  }
  const discovery = new IssuerMetadataResolver({ issuer, fetch: fetchImpl, timeoutMs, failureBackoffMs });
  const stats = { introspectionRequests: 0, cacheHits: 0 };

  async function resolveEndpoint(): Promise<string> {
    if (configuredEndpoint !== undefined) return configuredEndpoint;
    return metadataEndpoint(await discovery.resolve(), 'introspection_endpoint', allowHttpForLoopback);
  }

  async function introspect(token: string): Promise<IntrospectionResult> {
    if (typeof token !== 'string' || token === '') throw new TokenValidationError('malformed', 'the token is missing or not a string');
    if (token.length > MAX_TOKEN_LENGTH) throw new TokenValidationError('malformed', `the token is longer than ${MAX_TOKEN_LENGTH} characters`);

    const cacheKey = cache ? PositiveAnswerCache.keyOf(token) : undefined;
    if (cache && cacheKey !== undefined) {
      const cached = cache.get(cacheKey, Date.now());
      if (cached) {
        stats.cacheHits += 1;
        return cached;
      }
    }

    const endpoint = await resolveEndpoint();
    const { headers, params } = await clientAuthentication.forEndpoint(endpoint);
    const body = new URLSearchParams({ ...params, token, token_type_hint: 'access_token' }).toString();

    stats.introspectionRequests += 1;
    let response;
    try {
      response = await httpRequest(
        fetchImpl,
        endpoint,
        {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
          body,
        },
        timeoutMs,
      );
    } catch (error) {
      if (error instanceof HttpFailure && error.kind === 'timeout') {
        throw new IntrospectionError('introspection_timeout', `${endpoint} did not answer within ${timeoutMs} ms`, undefined, { cause: error });
      }
      if (error instanceof HttpFailure && error.kind === 'body_too_large') {
        throw new IntrospectionError('introspection_malformed', `${endpoint}: ${error.message}`, undefined, { cause: error });
      }
      const why = error instanceof Error ? error.message : String(error);
      throw new IntrospectionError('introspection_unavailable', `could not reach ${endpoint}: ${why}`, undefined, { cause: error });
    }

    const answer = parseJsonObject(response.body);
    if (response.status < 200 || response.status > 299) {
      const oauthError = describeOAuthError(answer, [token, params.client_assertion, options.clientSecret]);
      if (response.status === 401 || answer?.error === 'invalid_client') {
        throw new IntrospectionError(
          'client_authentication_failed',
          `${endpoint} refused the ${clientAuthentication.method} credentials of client ${quote(options.clientId)} (${response.status}${oauthError})`,
          response.status,
        );
      }
      if (response.status === 400 && answer?.error === 'unsupported_token_type') {
        // RFC 7009's error for a token the server cannot look up (oidc-provider answers so for JWTs, where Okta
        // answers active: false): the server did answer, and the token is not one it vouches for.
        throw new TokenValidationError('inactive', `${endpoint} does not introspect this kind of token (${response.status}${oauthError})`, 'active');
      }
      throw new IntrospectionError('introspection_http_status', `${endpoint} answered ${response.status}${oauthError}`, response.status);
    }
    if (!answer || typeof answer.active !== 'boolean') {
      throw new IntrospectionError('introspection_malformed', `${endpoint} did not answer a JSON object with a boolean active`, response.status);
    }
    if (!answer.active) throw new TokenValidationError('inactive', 'the authorization server says the token is not active (revoked, expired or unknown)', 'active');

    const now = Date.now();
    const exp = checkActiveAnswer(answer, issuer, audiences, allowedClientIds, now, clockTolerance);
    const result = deepFreeze(answer) as unknown as IntrospectionResult;
    // Without exp a cached answer could outlive the token, so such answers are never cached.
    if (cache && cacheKey !== undefined && exp !== undefined) cache.set(cacheKey, result, exp * 1000, now);
    return result;
  }

  function introspectWithOptionalCallback(token: string): Promise<IntrospectionResult>;
  function introspectWithOptionalCallback(token: string, callback: (error: Error | null, answer?: IntrospectionResult) => void): void;
  function introspectWithOptionalCallback(
    token: string,
    callback?: (error: Error | null, answer?: IntrospectionResult) => void,
  ): Promise<IntrospectionResult> | void {
    if (callback === undefined) return introspect(token);
    if (typeof callback !== 'function') throw new ConfigurationError('invalid_option', 'the callback of introspect(token, callback) must be a function');
    // The callback runs outside the promise chain, so that an exception it throws is not taken for an
    // introspection failure and reported to it a second time.
    introspect(token).then(
      (answer) => queueMicrotask(() => callback(null, answer)),
      (error: unknown) => queueMicrotask(() => callback(error instanceof Error ? error : new Error(String(error)))),
    );
  }

  return {
    issuer,
    introspect: introspectWithOptionalCallback,
    get stats(): TokenIntrospectorStats {
      return { discoveryFetches: discovery.fetches, ...stats, cacheSize: cache?.size ?? 0 };
    },
  };
}

/** The server said active; these are the cases where that still must not let the token through. Returns `exp`. */
function checkActiveAnswer(
  answer: Record<string, unknown>,
  issuer: string,
  audiences: readonly string[] | undefined,
  allowedClientIds: readonly string[] | undefined,
  now: number,
  clockTolerance: number,
): number | undefined {
  const { exp, iss, aud, token_type: tokenType } = answer;
  if (exp !== undefined && (typeof exp !== 'number' || !Number.isFinite(exp))) {
    throw new IntrospectionError('introspection_malformed', 'the active answer has an exp that is not a number');
  }
  if (exp !== undefined && now / 1000 - clockTolerance >= exp) {
    throw new TokenValidationError('expired', `the token expired at ${new Date(exp * 1000).toISOString()}`, 'exp');
  }
  if (iss !== undefined && iss !== issuer) {
    throw new TokenValidationError('issuer_mismatch', `the answer's iss ${quote(iss)} is not the configured issuer ${quote(issuer)}`, 'iss');
  }
  if (typeof tokenType === 'string' && NOT_ACCESS_TOKEN_TYPES.has(tokenType.toLowerCase())) {
    throw new TokenValidationError('not_an_access_token', `the token is a ${quote(tokenType)}, not an access token`, 'token_type');
  }
  if (audiences) {
    const values = typeof aud === 'string' ? [aud] : Array.isArray(aud) ? aud : [];
    if (!values.some((value) => typeof value === 'string' && audiences.includes(value))) {
      throw new TokenValidationError('audience_mismatch', `aud ${quote(aud)} does not include the configured audience ${quote(audiences)}`, 'aud');
    }
  }
  if (allowedClientIds) {
    const clientId = answer.client_id;
    if (typeof clientId !== 'string') {
      throw new TokenValidationError('missing_claim', 'the active answer names no client_id, so the client the token was issued to cannot be checked', 'client_id');
    }
    if (!allowedClientIds.includes(clientId)) {
      throw new TokenValidationError('client_id_mismatch', `client_id ${quote(clientId)} is not one of allowedClientIds`, 'client_id');
    }
  }
  return exp;
}

/** `: invalid_client (…)` from an OAuth error body, with the token and credentials cut out in case a server echoes them. */
function describeOAuthError(answer: Record<string, unknown> | undefined, secrets: readonly (string | undefined)[]): string {
  if (!answer || typeof answer.error !== 'string') return '';
  const redact = (text: string): string =>
    secrets.reduce<string>((result, secret) => (secret ? result.split(secret).join('[redacted]') : result), text);
  const description = typeof answer.error_description === 'string' ? ` ${quote(redact(answer.error_description))}` : '';
  return `: ${quote(redact(answer.error), 60)}${description}`;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const member of Object.values(value)) deepFreeze(member);
  }
  return value;
}
