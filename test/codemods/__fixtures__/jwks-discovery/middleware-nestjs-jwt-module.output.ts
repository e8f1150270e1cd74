import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { createIssuerKeySource, nestJwtSecretOrKeyProvider } from 'oidc-token-guard';
const issuerKeySource = createIssuerKeySource({ issuer: 'https://acme.okta.com/oauth2/ausorders', audience: 'api://orders', algorithms: ['RS256'] });

@Module({
  imports: [
    JwtModule.register({
      secretOrKeyProvider: nestJwtSecretOrKeyProvider(issuerKeySource),
      verifyOptions: { algorithms: ['RS256'], issuer: 'https://acme.okta.com/oauth2/ausorders', audience: 'api://orders' },
    }),
  ],
})
export class AuthModule {}
