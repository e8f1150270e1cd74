import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TokenService } from './token.service';

const ORG_ISSUER = 'https://acme.okta.com';

@Module({
  imports: [
    JwtModule.register({
      global: true,
      publicKey: process.env.OKTA_ORG_PUBLIC_KEY,
      verifyOptions: {
        issuer: ORG_ISSUER,
        algorithms: ['RS256'],
      },
    }),
  ],
  providers: [TokenService],
  exports: [TokenService],
})
export class AuthModule {}
