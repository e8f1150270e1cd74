// A NestJS PassportStrategy subclass at an Okta org authorization server (`class JwtStrategy extends
// PassportStrategy(Strategy)` with `super({ secretOrKey, issuer })`, an AuthGuard('jwt') route), in plain CommonJS
// with the decorators applied as functions: migrated to `extends PassportStrategy(IntrospectionStrategy)`, its
// validate() still deciding request.user.
import { describeMigratedOrgApp } from './support/migrated-org-app.js';

describeMigratedOrgApp({
  library: '@nestjs/passport',
  packages: ['@nestjs/core', '@nestjs/common', '@nestjs/passport', '@nestjs/platform-express', 'passport', 'passport-jwt', 'reflect-metadata', 'rxjs'],
  files: ({ issuer, audience, pinnedKey }) => ({
    'jwt.strategy.js': `const { PassportStrategy } = require('@nestjs/passport');
const { ExtractJwt, Strategy } = require('passport-jwt');

class JwtStrategy extends PassportStrategy(Strategy) {
  constructor() {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: \`${pinnedKey.trim()}\`,
      issuer: '${issuer}',
      audience: '${audience}',
    });
  }

  validate(claims) {
    return { ...claims, checkedBy: 'validate' };
  }
}

module.exports = { JwtStrategy };
`,
    'server.js': `require('reflect-metadata');
const { Controller, Get, Injectable, Module, Req, UseGuards } = require('@nestjs/common');
const { NestFactory } = require('@nestjs/core');
const { AuthGuard, PassportModule } = require('@nestjs/passport');
const { JwtStrategy } = require('./jwt.strategy');

class OrdersController {
  list(request) {
    return request.user;
  }
}
Controller('orders')(OrdersController);
const list = Object.getOwnPropertyDescriptor(OrdersController.prototype, 'list');
Reflect.decorate([Get(), UseGuards(AuthGuard('jwt'))], OrdersController.prototype, 'list', list);
Req()(OrdersController.prototype, 'list', 0);

Injectable()(JwtStrategy);

class AppModule {}
Module({ imports: [PassportModule], controllers: [OrdersController], providers: [JwtStrategy] })(AppModule);

NestFactory.create(AppModule, { logger: false }).then((app) => app.listen(Number(process.env.PORT), '127.0.0.1'));
`,
  }),
  migrated: { file: 'jwt.strategy.js', contains: ['extends PassportStrategy(IntrospectionStrategy)', "super({ introspector: tokenIntrospector, name: 'jwt' })", 'validate(claims)'] },
  credentials: { checkedBy: 'validate' },
});
