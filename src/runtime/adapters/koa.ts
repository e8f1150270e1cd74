/** Koa: middleware that introspects the bearer token, putting the answer where koa-jwt put the claims. */
import { introspectBearer, introspectorOf, refusalBody, type IntrospectingMiddlewareOptions } from '../bearer-introspection.js';

export const KOA = 'koa';

export interface IntrospectingKoaMiddlewareOptions extends IntrospectingMiddlewareOptions {
  /** The `ctx.state` member that receives the answer; default `'user'`, as koa-jwt's `key`. */
  readonly stateKey?: string;
}

/** The parts of Koa's context used here. */
export interface KoaLikeContext {
  readonly headers: { readonly authorization?: string | string[] | undefined };
  state: Record<string, unknown>;
  status: number;
  body: unknown;
  set(field: string, value: string): void;
}
export type KoaLikeMiddleware = (ctx: KoaLikeContext, next: () => Promise<unknown>) => Promise<void>;

/** `app.use(introspectingKoaMiddleware({ introspector }))`: the answer lands on `ctx.state.user`; refusals are answered 401 / 503. */
export function introspectingKoaMiddleware(options: IntrospectingKoaMiddlewareOptions): KoaLikeMiddleware {
  const introspector = introspectorOf(options.introspector);
  const stateKey = options.stateKey ?? 'user';
  return async (ctx, next) => {
    const outcome = await introspectBearer(introspector, ctx.headers.authorization, KOA);
    if ('claims' in outcome) {
      ctx.state[stateKey] = outcome.claims;
      await next();
      return;
    }
    ctx.status = outcome.status;
    if (outcome.wwwAuthenticate) ctx.set('WWW-Authenticate', outcome.wwwAuthenticate);
    ctx.body = refusalBody(outcome.status);
  };
}
