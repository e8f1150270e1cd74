// @nestjs/jwt in a real NestJS app: a guard calling JwtService.verifyAsync, with nestJwtSecretOrKeyProvider.
import { expect, it } from 'vitest';
import { Inject, Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { JwtModule, JwtService } from '@nestjs/jwt';
import { NESTJS_JWT, nestJwtSecretOrKeyProvider } from '../../../src/runtime/index.js';
import { describeKeyAdapter } from './support/key-adapter-suite.js';
import { startNestApp } from './support/nest-app.js';

let lastError: (Error & { code?: string }) | undefined;
let syncError: unknown;

class AccessTokenGuard implements CanActivate {
  constructor(private readonly jwt: JwtService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; user?: unknown }>();
    const token = /^Bearer (\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (!token) throw new UnauthorizedException();
    try {
      // The sync verify() cannot take an async key provider; recorded to show the gotcha.
      this.jwt.verify(token);
    } catch (error) {
      syncError = error;
    }
    try {
      request.user = await this.jwt.verifyAsync(token);
    } catch (error) {
      lastError = error as Error & { code?: string };
      throw new UnauthorizedException();
    }
    return true;
  }
}
Injectable()(AccessTokenGuard);
Inject(JwtService)(AccessTokenGuard, undefined, 0);

describeKeyAdapter({
  library: NESTJS_JWT,
  start: ({ source, issuer, audience }) =>
    startNestApp({
      imports: [
        JwtModule.register({
          secretOrKeyProvider: nestJwtSecretOrKeyProvider(source),
          verifyOptions: { algorithms: ['RS256'], issuer, audience },
        }),
      ],
      providers: [AccessTokenGuard],
      guard: AccessTokenGuard,
    }),
  extra: (state) => {
    it('reports the refusal, naming @nestjs/jwt, to verifyAsync; the sync verify() refuses the async provider outright', async () => {
      const { harness, app } = state();
      lastError = undefined;
      syncError = undefined;
      const response = await fetch(app.url, { headers: { authorization: `Bearer ${await harness.idToken()}` } });
      expect(response.status).toBe(401);
      const error = lastError as (Error & { code?: string }) | undefined;
      expect(error?.code).toBe('id_token');
      expect(error?.message).toMatch(/^@nestjs\/jwt: /);
      expect((syncError as Error | undefined)?.constructor.name).toBe('WrongSecretProviderError');
    });
  },
});
