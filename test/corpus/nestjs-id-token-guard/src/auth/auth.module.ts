import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { passportJwtSecret } from 'jwks-rsa';
import { IdTokenGuard, OKTA_SETTINGS } from './id-token.guard';
import { OktaIdStrategy } from './okta-id.strategy';

@Module({
  imports: [
    PassportModule,
    JwtModule.register({
      secretOrKeyProvider: passportJwtSecret({ jwksUri: `${process.env.OKTA_ISSUER}/v1/keys` }) as never,
    }),
  ],
  providers: [
    OktaIdStrategy,
    IdTokenGuard,
    { provide: OKTA_SETTINGS, useValue: { issuer: process.env.OKTA_ISSUER, clientId: process.env.OKTA_CLIENT_ID } },
  ],
  exports: [IdTokenGuard],
})
export class AuthModule {}
