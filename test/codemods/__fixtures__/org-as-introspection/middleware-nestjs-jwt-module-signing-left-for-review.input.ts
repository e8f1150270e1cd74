import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';

@Module({
  imports: [
    JwtModule.register({
      privateKey: process.env.SESSION_PRIVATE_KEY,
      publicKey: process.env.OKTA_ORG_PUBLIC_KEY,
      signOptions: { algorithm: 'RS256', expiresIn: '5m' },
      verifyOptions: { issuer: 'https://acme.okta.com' },
    }),
    JwtModule.registerAsync({
      useFactory: () => ({ publicKey: process.env.OKTA_ORG_PUBLIC_KEY, verifyOptions: { issuer: 'https://acme.okta.com' } }),
    }),
  ],
})
export class SessionModule {}
