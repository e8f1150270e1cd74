/** hapi: an auth scheme that introspects the bearer token; the answer becomes `request.auth.credentials`. */
import { introspectBearer, introspectorOf, refusalBody, type IntrospectingMiddlewareOptions } from '../bearer-introspection.js';
import type { IntrospectionResult } from '../token-introspector.js';

export const HAPI = 'hapi';
/** The name to register the scheme under, by convention. */
export const HAPI_INTROSPECTION_SCHEME = 'oidc-introspection';

/** The parts of hapi's request and toolkit used here. */
export interface HapiLikeRequest {
  readonly headers: { readonly authorization?: string | undefined };
}
export interface HapiLikeToolkit {
  authenticated(data: { credentials: IntrospectionResult; artifacts?: Record<string, unknown> }): unknown;
  unauthenticated(error: Error): unknown;
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
export function introspectionHapiScheme(_server: unknown, options: IntrospectingMiddlewareOptions | undefined): HapiLikeScheme {
  if (!options) throw new TypeError(`${HAPI}: the ${HAPI_INTROSPECTION_SCHEME} strategy needs options: { introspector }`);
  const introspector = introspectorOf(options.introspector);
  return {
    async authenticate(request, h) {
      const outcome = await introspectBearer(introspector, request.headers.authorization, HAPI);
      if ('claims' in outcome) return h.authenticated({ credentials: outcome.claims, artifacts: { token: outcome.token } });
      const missing = outcome.wwwAuthenticate === 'Bearer';
      return h.unauthenticated(asHapiError(outcome.refusal, outcome.status, outcome.wwwAuthenticate, missing));
    },
  };
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
