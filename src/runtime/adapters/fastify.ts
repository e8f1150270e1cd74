/** Fastify: an `onRequest` hook that introspects the bearer token, putting the answer where @fastify/jwt put the claims. */
import { introspectBearer, introspectorOf, refusalBody, type IntrospectingMiddlewareOptions } from '../bearer-introspection.js';

export const FASTIFY = 'fastify';

export interface IntrospectingFastifyHookOptions extends IntrospectingMiddlewareOptions {
  /** The request property that receives the answer; default `'user'`, as `request.jwtVerify()` set it. */
  readonly requestProperty?: string;
}

/** The parts of Fastify's request and reply used here. */
export interface FastifyLikeRequest {
  readonly headers: { readonly authorization?: string | string[] | undefined };
}
export interface FastifyLikeReply {
  code(statusCode: number): FastifyLikeReply;
  header(name: string, value: string): FastifyLikeReply;
  send(payload?: unknown): FastifyLikeReply;
}
export type FastifyLikeHook = (request: FastifyLikeRequest, reply: FastifyLikeReply) => Promise<FastifyLikeReply | undefined>;

/**
 * `fastify.decorateRequest('user', null); fastify.addHook('onRequest', introspectingFastifyHook({ introspector }))`,
 * or per route: `{ onRequest: introspectingFastifyHook(…) }`. Refusals are answered 401 / 503 by the hook.
 */
export function introspectingFastifyHook(options: IntrospectingFastifyHookOptions): FastifyLikeHook {
  const introspector = introspectorOf(options.introspector);
  const requestProperty = options.requestProperty ?? 'user';
  return async (request, reply) => {
    const outcome = await introspectBearer(introspector, request.headers.authorization, FASTIFY);
    if ('claims' in outcome) {
      (request as unknown as Record<string, unknown>)[requestProperty] = outcome.claims;
      return undefined;
    }
    reply.code(outcome.status);
    if (outcome.wwwAuthenticate) reply.header('WWW-Authenticate', outcome.wwwAuthenticate);
    return reply.send(refusalBody(outcome.status));
  };
}
