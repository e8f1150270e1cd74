import { Module } from '@nestjs/common';
import { JwtModule, JwtService } from '@nestjs/jwt';
import { TokenService } from './token.service';
import { createTokenIntrospector, IntrospectingJwtService } from 'oidc-token-guard';
// oidc-codemod: review: introspection authenticates a client of the org: set OKTA_CLIENT_SECRET (and OKTA_CLIENT_ID) for it, or switch to private_key_jwt
const tokenIntrospector = createTokenIntrospector({ issuer: 'https://acme.okta.com', clientId: process.env.OKTA_CLIENT_ID!, clientSecret: process.env.OKTA_CLIENT_SECRET! });

@Module({
  imports: [
    { module: JwtModule, global: true, providers: [{ provide: JwtService, useValue: new IntrospectingJwtService({ introspector: tokenIntrospector }) }], exports: [JwtService] },
  ],
  providers: [TokenService],
  exports: [TokenService],
})
export class AuthModule {}
