/** hapi: an auth scheme that introspects the bearer token; the answer becomes `request.auth.credentials`. */
import { introspectBearer, introspectorOf, refusalBody, type IntrospectingMiddlewareOptions } from '../bearer-introspection.js';
import { TokenValidationError } from '../errors.js';
import type { IntrospectionResult } from '../token-introspector.js';

export const HAPI = 'hapi';
/** The name to register the scheme under, by convention. */
export const HAPI_INTROSPECTION_SCHEME = 'oidc-introspection';

/** The parts of hapi's request and toolkit used here. */
export interface HapiLikeRequest {
  readonly headers: { readonly authorization?: string | undefined };
}
export interface HapiLikeToolkit {
  authenticated(data: { credentials: object; artifacts?: Record<string, unknown> }): unknown;
  unauthenticated(error: Error): unknown;
  response?(value: unknown): { takeover(): unknown };
}

/** What `validate` answers, as hapi-auth-jwt2's and @hapi/jwt's validate do. */
export type HapiIntrospectionValidation = boolean | { readonly isValid: boolean; readonly credentials?: object | null; readonly response?: unknown; readonly errorMessage?: string };

export interface IntrospectionHapiSchemeOptions extends IntrospectingMiddlewareOptions {
  /**
   * Called with the active answer, as hapi-auth-jwt2 called `validate(decoded, request, h)`: `isValid: false` (or
   * `false`) refuses the token (401); `credentials` replace the answer as `request.auth.credentials`; `response`
   * takes the request over. The token is the fourth argument.
   */
  readonly validate?: (claims: IntrospectionResult, request: HapiLikeRequest, h: HapiLikeToolkit, token: string) => HapiIntrospectionValidation | Promise<HapiIntrospectionValidation>;
  /**
   * As hapi-auth-jwt2's `complete: true`: `validate` receives, and the credentials default to, `{ payload }` with the
   * answer as the payload (in place of the decoded token; introspection gives no header or signature).
   */
  readonly complete?: boolean;
}

/** The parts of hapi's server used to register a strategy. */
export interface HapiLikeServer {
  readonly auth: {
    scheme(name: string, scheme: (server: unknown, options: IntrospectionHapiSchemeOptions | undefined) => HapiLikeScheme): void;
    strategy(name: string, scheme: string, options: IntrospectionHapiSchemeOptions): void;
  };
}
export interface HapiLikeScheme {
  authenticate(request: HapiLikeRequest, h: HapiLikeToolkit): Promise<unknown>;
}

const STATUS_TEXT: Readonly<Record<number, string>> = { 401: 'Unauthorized', 500: 'Internal Server Error', 503: 'Service Unavailable' };

/**
 * `server.auth.scheme(HAPI_INTROSPECTION_SCHEME, introspectionHapiScheme)`, then
 * `server.auth.strategy('okta', HAPI_INTROSPECTION_SCHEME, { introspector })`: the answer becomes
 * `request.auth.credentials` (the token is in `request.auth.artifacts.token`). A request without a bearer token is
 * "missing" to hapi, so other strategies of the route are tried; a refused token is answered 401, a provider outage 503.
 */
export function introspectionHapiScheme(_server: unknown, options: IntrospectionHapiSchemeOptions | undefined): HapiLikeScheme {
  if (!options) throw new TypeError(`${HAPI}: the ${HAPI_INTROSPECTION_SCHEME} strategy needs options: { introspector }`);
  const introspector = introspectorOf(options.introspector);
  const { validate } = options;
  if (validate !== undefined && typeof validate !== 'function') throw new TypeError(`${HAPI}: validate must be a function`);
  return {
    async authenticate(request, h) {
      const outcome = await introspectBearer(introspector, request.headers.authorization, HAPI);
      if (!('claims' in outcome)) {
        const missing = outcome.wwwAuthenticate === 'Bearer';
        return h.unauthenticated(asHapiError(outcome.refusal, outcome.status, outcome.wwwAuthenticate, missing));
      }
      const artifacts = { token: outcome.token };
      const decoded = options.complete === true ? { payload: outcome.claims } : outcome.claims;
      if (!validate) return h.authenticated({ credentials: decoded, artifacts });
      const validation = await validate(decoded as IntrospectionResult, request, h, outcome.token);
      const answer = typeof validation === 'object' && validation !== null ? validation : { isValid: validation === true };
      if (answer.response !== undefined && typeof h.response === 'function') return h.response(answer.response).takeover();
      if (!answer.isValid) {
        const refusal = new TokenValidationError('inactive', `${HAPI}: validate refused the token${answer.errorMessage ? ` (${answer.errorMessage})` : ''}`);
        return h.unauthenticated(asHapiError(refusal, 401, 'Bearer error="invalid_token"', false));
      }
      const credentials = typeof answer.credentials === 'object' && answer.credentials !== null ? answer.credentials : decoded;
      return h.authenticated({ credentials, artifacts });
    },
  };
}

/**
 * `introspectionHapiStrategy(server, 'jwt', { introspector, validate })`: what replaces hapi-auth-jwt2's and
 * @hapi/jwt's `server.auth.strategy('jwt', 'jwt', { key, validate })`, keeping the strategy name routes refer to. The
 * scheme is registered under a name of its own for this strategy (hapi refuses a scheme name twice, and strategy names
 * are unique), so each strategy needs no other set-up.
 */
export function introspectionHapiStrategy(server: HapiLikeServer, name: string, options: IntrospectionHapiSchemeOptions): void {
  const scheme = `${HAPI_INTROSPECTION_SCHEME}:${name}`;
  server.auth.scheme(scheme, introspectionHapiScheme);
  server.auth.strategy(name, scheme, options);
}

/**
 * hapi answers an error by its Boom `output`, and any other error with 500. This package cannot depend on
 * @hapi/boom, so the refusal is given the members hapi reads from a Boom error (what `Boom.unauthorized` sets).
 */
function asHapiError(error: Error, status: number, wwwAuthenticate: string | undefined, missing: boolean): Error {
  const body = refusalBody(status);
  return Object.assign(error, {
    isBoom: true,
    isServer: status >= 500,
    ...(missing ? { isMissing: true } : {}),
    data: null,
    output: {
      statusCode: status,
      payload: { statusCode: status, error: STATUS_TEXT[status] ?? 'Error', message: body.error },
      headers: wwwAuthenticate ? { 'WWW-Authenticate': wwwAuthenticate } : {},
    },
    reformat() {
      return undefined;
    },
  });
}
