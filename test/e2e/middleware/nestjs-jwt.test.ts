// A NestJS app with @nestjs/jwt: `JwtModule.register({ publicKey, verifyOptions })` and a guard that calls
// `jwtService.verifyAsync(token)` (plain CommonJS JavaScript, decorators applied as functions); migrated to
// `secretOrKeyProvider: nestJwtSecretOrKeyProvider(issuerKeySource)`.
import { describeMigratedApp } from './support/migrated-app.js';

describeMigratedApp({
  library: '@nestjs/jwt',
  packages: ['@nestjs/core', '@nestjs/common', '@nestjs/jwt', '@nestjs/platform-express', 'reflect-metadata', 'rxjs'],
  files: ({ issuer, audience, pinnedKey }) => ({
    'auth.module.js': `const { Module } = require('@nestjs/common');
const { JwtModule } = require('@nestjs/jwt');

const JWT_PUBLIC_KEY = \`${pinnedKey.trim()}\`;

class AuthModule {}
Module({
  imports: [
    JwtModule.register({
      publicKey: JWT_PUBLIC_KEY,
      verifyOptions: { algorithms: ['RS256'], issuer: '${issuer}', audience: '${audience}' },
    }),
  ],
  exports: [JwtModule],
})(AuthModule);

module.exports = { AuthModule };
`,
    'server.js': `require('reflect-metadata');
const { Controller, Get, Inject, Injectable, Module, Req, UnauthorizedException, UseGuards } = require('@nestjs/common');
const { NestFactory } = require('@nestjs/core');
const { JwtService } = require('@nestjs/jwt');
const { AuthModule } = require('./auth.module');

class BearerGuard {
  constructor(jwtService) {
    this.jwtService = jwtService;
  }

  async canActivate(context) {
    const request = context.switchToHttp().getRequest();
    const token = (request.headers.authorization || '').replace(/^Bearer /, '');
    try {
      request.user = await this.jwtService.verifyAsync(token);
    } catch (error) {
      throw new UnauthorizedException(error.message);
    }
    return true;
  }
}
Injectable()(BearerGuard);
Inject(JwtService)(BearerGuard, undefined, 0);

class OrdersController {
  list(request) {
    return request.user;
  }
}
Controller('orders')(OrdersController);
Reflect.decorate([Get(), UseGuards(BearerGuard)], OrdersController.prototype, 'list', Object.getOwnPropertyDescriptor(OrdersController.prototype, 'list'));
Req()(OrdersController.prototype, 'list', 0);

class AppModule {}
Module({ imports: [AuthModule], controllers: [OrdersController], providers: [BearerGuard] })(AppModule);

NestFactory.create(AppModule, { logger: false }).then((app) => app.listen(Number(process.env.PORT), '127.0.0.1'));
`,
  }),
  migrated: { file: 'auth.module.js', contains: ["require('oidc-token-guard')", 'secretOrKeyProvider: nestJwtSecretOrKeyProvider(issuerKeySource)'] },
});
