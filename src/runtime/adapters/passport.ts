/** passport: a strategy that introspects the bearer token; duck-typed, so passport is not needed to load this file. */
import { introspectBearer, introspectorOf, type IntrospectingMiddlewareOptions } from '../bearer-introspection.js';
import { ConfigurationError } from '../errors.js';
import type { IntrospectionResult, TokenIntrospector } from '../token-introspector.js';

export const PASSPORT = 'passport';

export interface IntrospectionStrategyOptions extends IntrospectingMiddlewareOptions {
  /** The strategy name for `passport.authenticate(name)`; default `'oidc-introspection'`. */
  readonly name?: string;
  /**
   * Maps the active answer to the user passport puts on `req.user` (default: the answer itself). Resolve with
   * `false` to refuse the token (401), as a passport verify callback would.
   */
  readonly verify?: (claims: IntrospectionResult, request: unknown) => unknown;
  /** With a passport-style verify callback: it receives the request first, `(request, claims, done)`, as passport-jwt's does. */
  readonly passReqToCallback?: boolean;
}

/**
 * passport-jwt's verify callback, `(claims, done)` or `(request, claims, done)`, given the introspection answer where
 * it was given the token's payload; `done(error, user, info)`. Any such function is accepted, as passport-jwt types it.
 */
export type PassportVerifyCallback = (...params: never[]) => unknown;

/**
 * `passport.use(new IntrospectionStrategy({ introspector }))`, then `passport.authenticate('oidc-introspection',
 * { session: false })`. passport gives each request a copy of the strategy with `success`, `fail` and `error`;
 * those are declared here, not inherited from passport-strategy, so this package does not depend on passport.
 * A refused token is `fail`ed with a Bearer challenge (401); a provider outage is an `error` (next(error), 503).
 *
 * The constructor also takes passport-jwt's `(options, verify)` shape, the verify callback ending in
 * `done(error, user, info)`: so `new IntrospectionStrategy(options, (claims, done) => …)` replaces `new JwtStrategy`,
 * and NestJS's `class S extends PassportStrategy(IntrospectionStrategy)` keeps its `validate(claims)` deciding
 * `req.user` (the mixin passes a callback that calls it).
 */
export class IntrospectionStrategy {
  readonly name: string;
  // Plain properties, not #private ones: passport calls authenticate() on Object.create(strategy), which does not
  // carry private fields but does inherit properties.
  private readonly introspector: TokenIntrospector;
  private readonly verify: ((claims: IntrospectionResult, request: unknown) => unknown) | undefined;

  // Set by passport on the per-request copy of the strategy.
  declare success: (user: unknown, info?: unknown) => void;
  declare fail: (challenge?: unknown, status?: number) => void;
  declare error: (error: unknown) => void;

  constructor(options: IntrospectionStrategyOptions, verify?: PassportVerifyCallback) {
    if (verify !== undefined && typeof verify !== 'function') throw new ConfigurationError('invalid_option', 'the verify callback must be a function');
    if (verify && options.verify) throw new ConfigurationError('invalid_option', 'give verify either in the options or as the second argument, not both');
    this.name = options.name ?? 'oidc-introspection';
    this.introspector = introspectorOf(options.introspector);
    this.verify = verify ? fromVerifyCallback(verify, options.passReqToCallback === true) : options.verify;
  }

  authenticate(request: { readonly headers: { readonly authorization?: string | string[] | undefined } }): void {
    const { verify } = this;
    introspectBearer(this.introspector, request.headers.authorization, PASSPORT)
      .then(async (outcome) => {
        if ('claims' in outcome) {
          const user = verify ? await verify(outcome.claims, request) : outcome.claims;
          if (user === false || user === undefined || user === null) this.fail('Bearer error="invalid_token"', 401);
          else this.success(user, outcome.claims);
          return;
        }
        if (outcome.status === 401) this.fail(outcome.wwwAuthenticate ?? 'Bearer', 401);
        else this.error(outcome.refusal);
      })
      .catch((error: unknown) => this.error(error));
  }
}

/** A passport verify callback as a function that resolves with the user (or `false`), or rejects with its error. */
function fromVerifyCallback(verify: PassportVerifyCallback, passRequest: boolean): (claims: IntrospectionResult, request: unknown) => Promise<unknown> {
  return (claims, request) =>
    new Promise((resolve, reject) => {
      const done = (error: unknown, user?: unknown) => (error ? reject(error) : resolve(user));
      const call = verify as (...params: unknown[]) => unknown;
      const returned = passRequest ? call(request, claims, done) : call(claims, done);
      // A callback that throws, or an async one that rejects without calling done, refuses with its error.
      if (returned instanceof Promise) returned.catch(reject);
    });
}
