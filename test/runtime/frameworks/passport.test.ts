// IntrospectionStrategy with passport in a real Express app, replacing passport-jwt at an org authorization server site.
import express from 'express';
import passport from 'passport';
import { createServer } from 'node:http';
import { Injectable } from '@nestjs/common';
import { AuthGuard, PassportModule, PassportStrategy } from '@nestjs/passport';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenIntrospector, IntrospectionStrategy, PASSPORT, type TokenIntrospector } from '../../../src/runtime/index.js';
import { CLIENT_ID, CLIENT_SECRET, OPAQUE_RESOURCE, startProvider, type ProviderHarness } from '../support/provider.js';
import { describeIntrospectingMiddleware } from './support/introspection-suite.js';
import { listen, type AppUnderTest } from './support/key-adapter-suite.js';
import { startNestApp } from './support/nest-app.js';

describeIntrospectingMiddleware({
  framework: PASSPORT,
  property: 'req.user (as passport)',
  async start(introspector) {
    const authenticator = new passport.Passport();
    authenticator.use(new IntrospectionStrategy({ introspector }));
    const app = express();
    app.use(authenticator.initialize());
    app.get('/orders', authenticator.authenticate('oidc-introspection', { session: false }), (req, res) => {
      res.json(req.user);
    });
    app.use(((error, _req, res, _next) => {
      res.status((error as { statusCode?: number }).statusCode ?? 500).json({ error: 'failed' });
    }) as express.ErrorRequestHandler);
    const server = await listen(createServer(app));
    return { url: server.url('/orders'), close: server.close };
  },
});

// passport-jwt's constructor shape, `(options, verify)`: the verify callback decides req.user from the answer.
describeIntrospectingMiddleware({
  framework: `${PASSPORT}, with a passport-jwt verify callback`,
  property: 'req.user (as the verify callback built it)',
  async start(introspector) {
    const authenticator = new passport.Passport();
    authenticator.use(new IntrospectionStrategy({ introspector, name: 'jwt' }, (claims: Record<string, unknown>, done: (error: unknown, user?: unknown) => void) => done(null, { ...claims, checkedBy: 'verify callback' })));
    const app = express();
    app.use(authenticator.initialize());
    app.get('/orders', authenticator.authenticate('jwt', { session: false }), (req, res) => {
      res.json(req.user);
    });
    app.use(((error, _req, res, _next) => {
      res.status((error as { statusCode?: number }).statusCode ?? 500).json({ error: 'failed' });
    }) as express.ErrorRequestHandler);
    const server = await listen(createServer(app));
    return { url: server.url('/orders'), close: server.close };
  },
});

describe('IntrospectionStrategy with a passport-jwt verify callback', () => {
  let harness: ProviderHarness;
  let introspector: TokenIntrospector;
  beforeAll(async () => {
    harness = await startProvider();
    introspector = createTokenIntrospector({ issuer: harness.issuer, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, allowHttpForLoopback: true });
  });
  afterAll(() => harness?.close());

  /** Runs the strategy once on a request, as passport does (a copy of it with success, fail and error). */
  function authenticate(strategy: IntrospectionStrategy, request: object): Promise<{ outcome: string; value: unknown; status?: number }> {
    return new Promise((resolve) => {
      const copy = Object.create(strategy) as IntrospectionStrategy;
      copy.success = (user) => resolve({ outcome: 'success', value: user });
      copy.fail = (challenge, status) => resolve({ outcome: 'fail', value: challenge, status });
      copy.error = (error) => resolve({ outcome: 'error', value: error });
      copy.authenticate(request as never);
    });
  }

  it('gives the request first with passReqToCallback; done(null, false) refuses; an error of the callback is an error', async () => {
    const token = await harness.clientCredentialsToken(OPAQUE_RESOURCE);
    const request = { headers: { authorization: `Bearer ${token}` }, tenant: 'acme' };
    const withRequest = new IntrospectionStrategy({ introspector, passReqToCallback: true }, (req: { tenant: string }, claims: { client_id: string }, done: (error: unknown, user?: unknown) => void) =>
      done(null, { tenant: req.tenant, client: claims.client_id }),
    );
    expect(await authenticate(withRequest, request)).toEqual({ outcome: 'success', value: { tenant: 'acme', client: CLIENT_ID } });
    const refusing = new IntrospectionStrategy({ introspector }, (_claims: unknown, done: (error: unknown, user?: unknown) => void) => done(null, false));
    expect(await authenticate(refusing, request)).toMatchObject({ outcome: 'fail', status: 401 });
    const failing = new IntrospectionStrategy({ introspector }, async () => {
      throw new Error('lookup failed');
    });
    const failed = await authenticate(failing, request);
    expect(failed.outcome).toBe('error');
    expect((failed.value as Error).message).toBe('lookup failed');
  });

  it('refuses a verify given twice, and one that is not a function', () => {
    const verify = (claims: unknown) => claims;
    expect(() => new IntrospectionStrategy({ introspector, verify }, (_claims: unknown, done: (error: null, user: unknown) => void) => done(null, {}))).toThrow(/either in the options or as the second argument/);
    expect(() => new IntrospectionStrategy({ introspector }, 'verify' as never)).toThrow(/must be a function/);
  });
});

// NestJS: `class JwtStrategy extends PassportStrategy(IntrospectionStrategy)`, its validate() deciding request.user.
// Nest's AuthGuard answers refusals itself (401 without a challenge), so the shared suite's challenge checks do not apply.
describe('IntrospectionStrategy as the base of a NestJS PassportStrategy subclass, in a real Nest app', () => {
  let harness: ProviderHarness;
  let app: AppUnderTest;
  const get = async (token?: string) => {
    const response = await fetch(app.url, token === undefined ? {} : { headers: { authorization: `Bearer ${token}` } });
    return { status: response.status, body: (await response.text()) };
  };

  beforeAll(async () => {
    harness = await startProvider();
    const introspector = createTokenIntrospector({ issuer: harness.issuer, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, allowHttpForLoopback: true, failureBackoffMs: 0 });
    class JwtStrategy extends PassportStrategy(IntrospectionStrategy) {
      constructor() {
        super({ introspector, name: 'jwt' });
      }

      validate(claims: { client_id: string; scope: string }) {
        return claims.scope.includes('write') ? { client: claims.client_id, checkedBy: 'validate' } : false;
      }
    }
    Injectable()(JwtStrategy);
    app = await startNestApp({ imports: [PassportModule], providers: [JwtStrategy], guard: AuthGuard('jwt') });
  });
  afterAll(async () => {
    await app?.close();
    await harness?.close();
  });

  it('accepts an active token, with what validate() returned on request.user', async () => {
    const { status, body } = await get(await harness.clientCredentialsToken(OPAQUE_RESOURCE, 'read write'));
    expect(status).toBe(200);
    expect(JSON.parse(body)).toEqual({ client: CLIENT_ID, checkedBy: 'validate' });
  });

  it('refuses a token validate() turns down, a revoked token, a made-up one and a request without one', async () => {
    expect((await get(await harness.clientCredentialsToken(OPAQUE_RESOURCE, 'read'))).status).toBe(401);
    const token = await harness.clientCredentialsToken(OPAQUE_RESOURCE, 'read write');
    expect((await get(token)).status).toBe(200);
    await harness.revoke(token);
    expect((await get(token)).status).toBe(401);
    expect((await get('made-up-token')).status).toBe(401);
    expect((await get()).status).toBe(401);
  });

  it('answers 503 while the provider cannot be reached', async () => {
    const token = await harness.clientCredentialsToken(OPAQUE_RESOURCE, 'read write');
    harness.setDown(true);
    try {
      expect((await get(token)).status).toBe(503);
    } finally {
      harness.setDown(false);
    }
  });
});
