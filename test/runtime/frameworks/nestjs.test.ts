// IntrospectionGuard in a real NestJS app, replacing a local-verification guard at an org authorization server site.
import { HttpException, Inject, Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { JwtModule, JwtService } from '@nestjs/jwt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenIntrospector, IntrospectingJwtService, IntrospectionGuard, NESTJS } from '../../../src/runtime/index.js';
import { CLIENT_ID, CLIENT_SECRET, OPAQUE_RESOURCE, startProvider, type ProviderHarness } from '../support/provider.js';
import { describeIntrospectingMiddleware } from './support/introspection-suite.js';
import type { AppUnderTest } from './support/key-adapter-suite.js';
import { startNestApp } from './support/nest-app.js';

describeIntrospectingMiddleware({
  framework: NESTJS,
  property: 'request.user',
  start: (introspector) => startNestApp({ guard: new IntrospectionGuard({ introspector }) }),
});

// IntrospectingJwtService in place of @nestjs/jwt's JwtService, provided over JwtModule's own, as the codemod writes it:
// the app's guard injects JwtService and calls verifyAsync, unchanged.
describe('IntrospectingJwtService in place of JwtService, in a real Nest app', () => {
  let harness: ProviderHarness;
  let app: AppUnderTest;
  let injected: unknown;
  const get = async (token?: string) => {
    const response = await fetch(app.url, token === undefined ? {} : { headers: { authorization: `Bearer ${token}` } });
    return { status: response.status, body: await response.text() };
  };

  class AccessTokenGuard implements CanActivate {
    constructor(private readonly jwt: JwtService) {
      injected = jwt;
    }

    async canActivate(context: ExecutionContext): Promise<boolean> {
      const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; user?: unknown }>();
      const token = /^Bearer (\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
      if (!token) throw new UnauthorizedException();
      try {
        request.user = await this.jwt.verifyAsync(token);
      } catch (error) {
        throw new HttpException('refused', (error as { statusCode?: number }).statusCode ?? 500);
      }
      return true;
    }
  }
  Injectable()(AccessTokenGuard);
  Inject(JwtService)(AccessTokenGuard, undefined, 0);

  beforeAll(async () => {
    harness = await startProvider();
    const introspector = createTokenIntrospector({ issuer: harness.issuer, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, allowHttpForLoopback: true, failureBackoffMs: 0 });
    app = await startNestApp({
      imports: [{ module: JwtModule, providers: [{ provide: JwtService, useValue: new IntrospectingJwtService({ introspector }) }], exports: [JwtService] }],
      providers: [AccessTokenGuard],
      guard: AccessTokenGuard,
    });
  });
  afterAll(async () => {
    await app?.close();
    await harness?.close();
  });

  it('is what Nest injects for JwtService; verifyAsync resolves with the introspection answer', async () => {
    const { status, body } = await get(await harness.clientCredentialsToken(OPAQUE_RESOURCE, 'read write'));
    expect(status).toBe(200);
    expect(injected).toBeInstanceOf(IntrospectingJwtService);
    expect(JSON.parse(body)).toMatchObject({ active: true, client_id: CLIENT_ID, scope: 'read write' });
  });

  it('rejects a revoked token as 401, a made-up one as 401, and answers 503 while the provider is down', async () => {
    const token = await harness.clientCredentialsToken(OPAQUE_RESOURCE);
    expect((await get(token)).status).toBe(200);
    await harness.revoke(token);
    expect((await get(token)).status).toBe(401);
    expect((await get('made-up-token')).status).toBe(401);
    const fresh = await harness.clientCredentialsToken(OPAQUE_RESOURCE);
    harness.setDown(true);
    try {
      expect((await get(fresh)).status).toBe(503);
    } finally {
      harness.setDown(false);
    }
  });

  it('names itself in refusals; the sync verify() and signing throw, saying why; decode reads a JWT', async () => {
    const service = injected as IntrospectingJwtService;
    await expect(service.verifyAsync('made-up-token')).rejects.toThrow(/^IntrospectingJwtService: /);
    expect(() => service.verify('any')).toThrow(/await jwtService.verifyAsync\(token\)/);
    expect(() => service.sign()).toThrow(/only checks tokens/);
    await expect(service.signAsync()).rejects.toThrow(/only checks tokens/);
    expect(service.decode(await harness.idToken())).toMatchObject({ aud: CLIENT_ID });
    expect(service.decode('opaque')).toBeNull();
  });
});
