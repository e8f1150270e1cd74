/**
 * Fastify: an `onRequest` hook that introspects the bearer token, putting the answer where @fastify/jwt put the claims;
 * and a plugin that replaces @fastify/jwt itself, for apps whose routes call `request.jwtVerify()`.
 */
import { introspectBearer, introspectorOf, refusalBody, type IntrospectingMiddlewareOptions } from '../bearer-introspection.js';
import type { IntrospectionResult } from '../token-introspector.js';

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

export interface IntrospectingFastifyJwtOptions extends IntrospectingMiddlewareOptions {
  /** The request property that receives the answer; default `'user'`, as @fastify/jwt's `decoratorName`. */
  readonly decoratorName?: string;
  /** The request method callers await; default `'jwtVerify'`, as @fastify/jwt's `jwtVerify` option. */
  readonly jwtVerify?: string;
}

/** The parts of a Fastify instance used here. */
export interface FastifyLikeInstance {
  decorateRequest(name: string, value: unknown): unknown;
  hasRequestDecorator(name: string): boolean;
}

export type IntrospectingFastifyJwtPlugin = ((fastify: FastifyLikeInstance, options: IntrospectingFastifyJwtOptions) => Promise<void>) & {
  readonly [key: symbol]: unknown;
};

type JwtVerifyCallback = (error: Error | null, claims?: IntrospectionResult) => void;

/**
 * `app.register(introspectingFastifyJwt, { introspector })` in place of `app.register(fastifyJwt, { secret })`: callers
 * keep `await request.jwtVerify()` (or its callback form), which now introspects the bearer token, puts the answer on
 * `request.user` and resolves with it. A refused token rejects with an error whose `statusCode` (401, or 503 when the
 * provider could not answer) and `headers` (the Bearer challenge) Fastify's error handler answers. Like @fastify/jwt it
 * decorates the app it is registered in, not a child context (the `skip-override` mark that fastify-plugin sets; this
 * package does not depend on it).
 */
export const introspectingFastifyJwt: IntrospectingFastifyJwtPlugin = Object.assign(
  async function introspectingFastifyJwt(fastify: FastifyLikeInstance, options: IntrospectingFastifyJwtOptions): Promise<void> {
    if (typeof options !== 'object' || options === null || !options.introspector) {
      throw new TypeError(`${FASTIFY}: register introspectingFastifyJwt with options: { introspector }`);
    }
    const introspector = introspectorOf(options.introspector);
    const decoratorName = options.decoratorName ?? 'user';
    const method = options.jwtVerify ?? 'jwtVerify';
    if (!fastify.hasRequestDecorator(decoratorName)) fastify.decorateRequest(decoratorName, null);
    fastify.decorateRequest(method, function jwtVerify(this: FastifyLikeRequest, ...args: unknown[]): Promise<IntrospectionResult> | undefined {
      const callback = typeof args[args.length - 1] === 'function' ? (args[args.length - 1] as JwtVerifyCallback) : undefined;
      const answer = introspectBearer(introspector, this.headers.authorization, FASTIFY).then((outcome) => {
        if (!('claims' in outcome)) throw outcome.refusal;
        (this as unknown as Record<string, unknown>)[decoratorName] = outcome.claims;
        return outcome.claims;
      });
      if (!callback) return answer;
      answer.then((claims) => callback(null, claims), (error: Error) => callback(error));
      return undefined;
    });
  },
  { [Symbol.for('skip-override')]: true, [Symbol.for('fastify.display-name')]: 'oidc-token-guard:introspecting-fastify-jwt' },
);
