/** NestJS: a guard (`CanActivate`) that introspects the bearer token, and a JwtService that does; no import of @nestjs at run time. */
import { decodeJwt, type JWTPayload } from 'jose';
import { introspectBearer, introspectorOf, type IntrospectingMiddlewareOptions } from '../bearer-introspection.js';
import { ConfigurationError, withLibraryName } from '../errors.js';
import type { IntrospectionResult, TokenIntrospector } from '../token-introspector.js';

export const NESTJS = 'nestjs';

export interface IntrospectionGuardOptions extends IntrospectingMiddlewareOptions {
  /** The request property that receives the answer; default `'user'`, as passport strategies and most guards set it. */
  readonly requestProperty?: string;
}

/** The part of Nest's ExecutionContext used here (HTTP only; Express or Fastify platform). */
export interface NestLikeExecutionContext {
  switchToHttp(): { getRequest<T = unknown>(): T; getResponse<T = unknown>(): T };
}

interface HttpRequestLike {
  readonly headers: { readonly authorization?: string | string[] | undefined };
  [property: string]: unknown;
}

/**
 * `@UseGuards(new IntrospectionGuard({ introspector }))`, or `app.useGlobalGuards(…)`. The answer lands on
 * `request.user`. A refused token is thrown as TokenValidationError, whose `statusCode` (401) Nest's exception
 * filter answers with (and `WWW-Authenticate` is set on the response); a provider outage as ProviderError (503).
 * Its `expose` is false for 5xx, so Nest sends the status text rather than the message.
 */
export class IntrospectionGuard {
  readonly #introspector: TokenIntrospector;
  readonly #requestProperty: string;

  constructor(options: IntrospectionGuardOptions) {
    this.#introspector = introspectorOf(options.introspector);
    this.#requestProperty = options.requestProperty ?? 'user';
  }

  async canActivate(context: NestLikeExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const request = http.getRequest<HttpRequestLike>();
    const outcome = await introspectBearer(this.#introspector, request.headers.authorization, NESTJS);
    if ('claims' in outcome) {
      request[this.#requestProperty] = outcome.claims;
      return true;
    }
    if (outcome.wwwAuthenticate) setResponseHeader(http.getResponse(), 'WWW-Authenticate', outcome.wwwAuthenticate);
    // Nest answers an error with a numeric statusCode and a message by them; `expose: false` keeps 5xx messages (URLs) private.
    throw Object.assign(outcome.refusal, { expose: outcome.status < 500 });
  }
}

/** Express's `setHeader` or Fastify's `header`, whichever platform Nest runs on. */
function setResponseHeader(response: unknown, name: string, value: string): void {
  const target = response as { setHeader?: (name: string, value: string) => unknown; header?: (name: string, value: string) => unknown } | undefined;
  if (typeof target?.setHeader === 'function') target.setHeader(name, value);
  else if (typeof target?.header === 'function') target.header(name, value);
}

/**
 * In place of @nestjs/jwt's JwtService where a JwtModule verified org authorization server tokens locally:
 * `{ provide: JwtService, useValue: new IntrospectingJwtService({ introspector }) }`, so the services that inject
 * JwtService and call `verifyAsync(token)` get the introspection answer instead of the token's claims. Introspection
 * is asynchronous: the sync `verify()` throws, and this service signs nothing.
 */
export class IntrospectingJwtService {
  readonly #introspector: TokenIntrospector;

  constructor(options: IntrospectingMiddlewareOptions) {
    this.#introspector = introspectorOf(options.introspector);
  }

  /** The active introspection answer; rejects as TokenValidationError (401) or ProviderError (503). Options are ignored: the server decides. */
  async verifyAsync<T extends object = IntrospectionResult>(token: string, _options?: unknown): Promise<T> {
    try {
      return (await this.#introspector.introspect(token)) as unknown as T;
    } catch (error) {
      throw withLibraryName(error, NESTJS_JWT_SERVICE);
    }
  }

  verify(_token: string, _options?: unknown): never {
    throw new ConfigurationError('invalid_option', `${NESTJS_JWT_SERVICE}: tokens of this issuer are introspected, which is asynchronous: call await jwtService.verifyAsync(token)`);
  }

  /** The token's payload, unverified, as JwtService.decode gives it (null when the token is not a JWT). */
  decode<T = JWTPayload>(token: string): T | null {
    try {
      return decodeJwt(token) as T;
    } catch {
      return null;
    }
  }

  sign(): never {
    throw new ConfigurationError('invalid_option', `${NESTJS_JWT_SERVICE}: this service only checks tokens, by introspection; sign with a JwtService of its own`);
  }

  signAsync(): Promise<never> {
    return Promise.reject(new ConfigurationError('invalid_option', `${NESTJS_JWT_SERVICE}: this service only checks tokens, by introspection; sign with a JwtService of its own`));
  }
}

const NESTJS_JWT_SERVICE = 'IntrospectingJwtService';
