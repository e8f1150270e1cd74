import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { passportJwtSecret } from 'jwks-rsa';
import { JwtStrategy } from './jwt.strategy';
import { TokenService } from './token.service';

const ORG_ISSUER = 'https://acme.okta.com';

@Module({
  imports: [
    PassportModule.register({ defaultStrategy: 'jwt' }),
    JwtModule.register({
      secretOrKeyProvider: passportJwtSecret({ jwksUri: 'https://acme.okta.com/oauth2/v1/keys' }) as never,
      verifyOptions: {
        issuer: ORG_ISSUER, // expect: oidc/no-org-as-local-verification
        algorithms: ['RS256'],
      },
    }),
  ],
  providers: [JwtStrategy, TokenService],
  exports: [TokenService],
})
export class AuthModule {}
