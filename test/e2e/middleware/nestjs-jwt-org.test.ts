// @nestjs/jwt at an Okta org authorization server: `JwtModule.register({ publicKey, verifyOptions: { issuer } })` and
// a guard that injects JwtService and calls verifyAsync, in plain CommonJS with the decorators applied as functions;
// migrated to a module that provides the runtime's IntrospectingJwtService as JwtService, the guard unchanged.
import { describeMigratedOrgApp } from './support/migrated-org-app.js';

describeMigratedOrgApp({
  library: '@nestjs/jwt',
  packages: ['@nestjs/core', '@nestjs/common', '@nestjs/jwt', '@nestjs/platform-express', 'reflect-metadata', 'rxjs'],
  files: ({ issuer, audience, pinnedKey }) => ({
    'access-token.guard.js': `const { Inject, Injectable, UnauthorizedException } = require('@nestjs/common');
const { JwtService } = require('@nestjs/jwt');

class AccessTokenGuard {
  constructor(jwt) {
    this.jwt = jwt;
  }

  async canActivate(context) {
    const request = context.switchToHttp().getRequest();
    const token = (request.headers.authorization || '').replace(/^Bearer /, '');
    try {
      request.user = { ...(await this.jwt.verifyAsync(token)), checkedBy: 'guard' };
    } catch {
      throw new UnauthorizedException();
    }
    return true;
  }
}
Injectable()(AccessTokenGuard);
Inject(JwtService)(AccessTokenGuard, undefined, 0);

module.exports = { AccessTokenGuard };
`,
    'server.js': `require('reflect-metadata');
const { Controller, Get, Module, Req, UseGuards } = require('@nestjs/common');
const { NestFactory } = require('@nestjs/core');
const { JwtModule } = require('@nestjs/jwt');
const { AccessTokenGuard } = require('./access-token.guard');

class OrdersController {
  list(request) {
    return request.user;
  }
}
Controller('orders')(OrdersController);
const list = Object.getOwnPropertyDescriptor(OrdersController.prototype, 'list');
Reflect.decorate([Get(), UseGuards(AccessTokenGuard)], OrdersController.prototype, 'list', list);
Req()(OrdersController.prototype, 'list', 0);

class AppModule {}
Module({
  imports: [
    JwtModule.register({
      publicKey: \`${pinnedKey.trim()}\`,
      verifyOptions: { issuer: '${issuer}', audience: '${audience}', algorithms: ['RS256'] },
    }),
  ],
  controllers: [OrdersController],
  providers: [AccessTokenGuard],
})(AppModule);

NestFactory.create(AppModule, { logger: false }).then((app) => app.listen(Number(process.env.PORT), '127.0.0.1'));
`,
  }),
  migrated: { file: 'server.js', contains: ['{ module: JwtModule, providers: [{ provide: JwtService, useValue: new IntrospectingJwtService({ introspector: tokenIntrospector }) }], exports: [JwtService] }'] },
  credentials: { checkedBy: 'guard' },
});
