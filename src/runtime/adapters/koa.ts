/** Koa: middleware that introspects the bearer token, putting the answer where koa-jwt put the claims. */
import { parse } from 'node:url';
import { introspectBearer, introspectorOf, refusalBody, type IntrospectingMiddlewareOptions } from '../bearer-introspection.js';
import { ConfigurationError } from '../errors.js';

export const KOA = 'koa';

export interface IntrospectingKoaMiddlewareOptions extends IntrospectingMiddlewareOptions {
  /** The `ctx.state` member that receives the answer; default `'user'`, as koa-jwt's `key`. */
  readonly stateKey?: string;
}

/** The parts of Koa's context used here. */
export interface KoaLikeContext {
  readonly headers: { readonly authorization?: string | string[] | undefined };
  /** Read by `.unless()` only. */
  readonly url?: string;
  readonly originalUrl?: string;
  readonly method?: string;
  state: Record<string, unknown>;
  status: number;
  body: unknown;
  set(field: string, value: string): void;
}
export type KoaLikeMiddleware = (ctx: KoaLikeContext, next: () => Promise<unknown>) => Promise<void>;

/**
 * koa-jwt's `.unless()` options (koa-unless 1): a request matching any of them skips the middleware. `path` is
 * compared with the request's pathname (a string exactly, a RegExp by `exec`), `ext` with its end, `method` exactly,
 * `custom` is called with the context; `useOriginalUrl` (default true) reads `ctx.originalUrl` rather than `ctx.url`.
 */
export interface KoaUnlessOptions {
  readonly path?: string | RegExp | readonly (string | RegExp)[];
  readonly ext?: string | readonly string[];
  readonly method?: string | readonly string[];
  readonly custom?: (ctx: KoaLikeContext) => unknown;
  readonly useOriginalUrl?: boolean;
}

export interface IntrospectingKoaMiddleware extends KoaLikeMiddleware {
  /** The same middleware, skipped for the requests these options match, as koa-jwt's `.unless()` (koa-unless). */
  unless(options: KoaUnlessOptions | ((ctx: KoaLikeContext) => unknown)): KoaLikeMiddleware;
}

/** `app.use(introspectingKoaMiddleware({ introspector }))`: the answer lands on `ctx.state.user`; refusals are answered 401 / 503. */
export function introspectingKoaMiddleware(options: IntrospectingKoaMiddlewareOptions): IntrospectingKoaMiddleware {
  const introspector = introspectorOf(options.introspector);
  const stateKey = options.stateKey ?? 'user';
  const middleware: KoaLikeMiddleware = async (ctx, next) => {
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
  return Object.assign(middleware, { unless: (unlessOptions: KoaUnlessOptions | ((ctx: KoaLikeContext) => unknown)) => unless(middleware, unlessOptions) });
}

function unless(middleware: KoaLikeMiddleware, input: KoaUnlessOptions | ((ctx: KoaLikeContext) => unknown)): KoaLikeMiddleware {
  const options: KoaUnlessOptions = typeof input === 'function' ? { custom: input } : input;
  if (typeof options !== 'object' || options === null) {
    throw new ConfigurationError('invalid_option', 'unless() takes koa-unless options ({ path, ext, method, custom, useOriginalUrl }) or a function of the context');
  }
  if (options.custom !== undefined && typeof options.custom !== 'function') throw new ConfigurationError('invalid_option', 'unless({ custom }) must be a function of the context');
  const paths = listOf(options.path);
  const extensions = listOf(options.ext);
  const methods = listOf(options.method);
  const useOriginalUrl = options.useOriginalUrl ?? true;
  return async (ctx, next) => {
    // The legacy parser, as koa-unless: the pathname it gives is the one the old exclusion was written against, and
    // any other reading of the URL could skip the middleware for a request the old one guarded.
    const pathname = parse((useOriginalUrl ? ctx.originalUrl : ctx.url) || '', true).pathname ?? '';
    const skipped =
      Boolean(options.custom?.(ctx)) ||
      paths.some((path) => (typeof path === 'string' && path === pathname) || (path instanceof RegExp && path.exec(pathname) !== null)) ||
      extensions.some((extension) => pathname.slice(-extension.length) === extension) ||
      (ctx.method !== undefined && methods.includes(ctx.method));
    if (skipped) {
      await next();
      return;
    }
    await middleware(ctx, next);
  };
}

function listOf<T>(value: T | readonly T[] | undefined): readonly T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? (value as readonly T[]) : [value as T];
}
