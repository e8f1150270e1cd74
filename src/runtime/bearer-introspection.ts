/**
 * What the introspecting middleware of every framework shares: the bearer token of a request, its introspection,
 * and the answer to give when it is refused (status, RFC 6750 WWW-Authenticate), so each framework file only maps
 * these onto its own request and response.
 */
import { OidcRuntimeError, TokenValidationError, withLibraryName } from './errors.js';
import { createTokenIntrospector, type IntrospectionResult, type TokenIntrospector, type TokenIntrospectorOptions } from './token-introspector.js';
import { BEARER_PREFIX } from '../knowledge/tokens.js';

/** Options shared by the introspecting middleware of every framework. */
export interface IntrospectingMiddlewareOptions {
  /** A shared introspector (create it once, at start-up), or the options to create one. */
  readonly introspector: TokenIntrospector | TokenIntrospectorOptions;
}

export type BearerIntrospectionOutcome =
  | { readonly claims: IntrospectionResult; readonly token: string }
  | {
      readonly refusal: Error;
      /** 401: no token or a refused one; 503: the provider could not answer; 500: misconfiguration. */
      readonly status: 401 | 500 | 503;
      /** RFC 6750 §3 challenge, for 401 answers. */
      readonly wwwAuthenticate: string | undefined;
    };

export function introspectorOf(input: TokenIntrospector | TokenIntrospectorOptions): TokenIntrospector {
  if (typeof input === 'object' && input !== null && typeof (input as TokenIntrospector).introspect === 'function') return input as TokenIntrospector;
  return createTokenIntrospector(input as TokenIntrospectorOptions);
}

/** The token of an `Authorization: Bearer <token>` header value, or undefined. */
export function bearerTokenOf(authorization: unknown): string | undefined {
  const value = Array.isArray(authorization) ? authorization[0] : authorization;
  if (typeof value !== 'string' || !BEARER_PREFIX.test(value)) return undefined;
  const token = value.replace(BEARER_PREFIX, '').trim();
  return token === '' || /\s/.test(token) ? undefined : token;
}

/**
 * Introspects the request's bearer token; never throws: a refusal is an outcome, named for the framework. Every
 * framework answers the same: 401 with a Bearer challenge for a missing, invalid or inactive token; 503 when the
 * provider could not answer (unreachable, timeout, 5xx, any other refusal to introspect); 500 for a misconfiguration.
 * A 401 refusal carries the challenge in `headers`, which Express's final handler, Koa and Fastify set on their answer
 * when the error reaches them.
 */
export async function introspectBearer(introspector: TokenIntrospector, authorization: unknown, framework: string): Promise<BearerIntrospectionOutcome> {
  const token = bearerTokenOf(authorization);
  if (token === undefined) {
    const refusal = new TokenValidationError('malformed', `${framework}: no bearer token in the Authorization header`);
    return { refusal: withChallenge(refusal, 'Bearer'), status: 401, wwwAuthenticate: 'Bearer' };
  }
  try {
    return { claims: await introspector.introspect(token), token };
  } catch (error) {
    const named = withLibraryName(error, framework);
    const refusal = named instanceof Error ? named : new Error(String(named));
    const status = refusal instanceof OidcRuntimeError ? refusal.statusCode : 500;
    if (status !== 401) return { refusal, status, wwwAuthenticate: undefined };
    const challenge = 'Bearer error="invalid_token"';
    return { refusal: withChallenge(refusal, challenge), status, wwwAuthenticate: challenge };
  }
}

function withChallenge(refusal: Error, challenge: string): Error {
  return Object.assign(refusal, { headers: { 'WWW-Authenticate': challenge } });
}

/** The body of a refusal: the status text only, since error messages are for logs, not for callers. */
export function refusalBody(status: number): { readonly error: string } {
  return { error: status === 401 ? 'invalid_token' : status === 503 ? 'temporarily_unavailable' : 'server_error' };
}
