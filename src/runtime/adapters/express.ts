/** Express / Connect: middleware that introspects the bearer token, for sites that verified org-server tokens locally. */
import { introspectBearer, introspectorOf, refusalBody, type IntrospectingMiddlewareOptions } from '../bearer-introspection.js';

export const EXPRESS = 'express';

export interface IntrospectingExpressMiddlewareOptions extends IntrospectingMiddlewareOptions {
  /**
   * The request property that receives the introspection answer, as the replaced middleware set it:
   * `'auth'` (express-jwt 7/8, the default), `'user'` (express-jwt ≤ 6, passport), or any other name.
   */
  readonly requestProperty?: string;
  /**
   * `false` (default): a refused token is answered here (401 with `WWW-Authenticate`, 503 when the provider is down).
   * `true`: it is passed to `next(error)`, for apps whose error handler answers it: the error's `statusCode` is the
   * status to answer (it has no `status` of its own), and `WWW-Authenticate` is already set on the response.
   */
  readonly passErrorsToNext?: boolean;
}

/** The parts of Express's (or Connect's, or node's) request and response used here. */
export interface ExpressLikeRequest {
  readonly headers: { readonly authorization?: string | string[] | undefined };
}
export interface ExpressLikeResponse {
  statusCode: number;
  setHeader(name: string, value: string): unknown;
  end(body?: string): unknown;
}
export type ExpressLikeMiddleware = (request: ExpressLikeRequest, response: ExpressLikeResponse, next: (error?: unknown) => void) => void;

/**
 * `app.use('/api', introspectingExpressMiddleware({ introspector, requestProperty: 'auth' }))`: the active
 * answer (`client_id`, `scope`, `sub`, `uid`, …) lands on `req[requestProperty]`.
 */
export function introspectingExpressMiddleware(options: IntrospectingExpressMiddlewareOptions): ExpressLikeMiddleware {
  const introspector = introspectorOf(options.introspector);
  const requestProperty = options.requestProperty ?? 'auth';
  return (request, response, next) => {
    introspectBearer(introspector, request.headers.authorization, EXPRESS).then((outcome) => {
      if ('claims' in outcome) {
        (request as unknown as Record<string, unknown>)[requestProperty] = outcome.claims;
        next();
        return;
      }
      if (outcome.wwwAuthenticate) response.setHeader('WWW-Authenticate', outcome.wwwAuthenticate);
      if (options.passErrorsToNext === true) {
        next(outcome.refusal);
        return;
      }
      response.statusCode = outcome.status;
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify(refusalBody(outcome.status)));
    }, next);
  };
}
