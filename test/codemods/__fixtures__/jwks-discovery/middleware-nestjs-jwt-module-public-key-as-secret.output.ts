import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { AdminController } from './admin.controller';
import { createIssuerKeySource, nestJwtSecretOrKeyProvider } from 'oidc-token-guard';
// oidc-codemod: review: the old verification did not check the audience, so api://default, the default custom authorization server's, is assumed: run again with --audience if the API's is another
const issuerKeySource = createIssuerKeySource({ issuer: 'https://acme-workforce.okta.com/oauth2/default', audience: 'api://default', algorithms: ['RS256'] });

@Module({
  imports: [
    JwtModule.register({
      secretOrKeyProvider: nestJwtSecretOrKeyProvider(issuerKeySource),
      verifyOptions: { algorithms: ['RS256'], issuer: 'https://acme-workforce.okta.com/oauth2/default', audience: 'api://default' },
    }),
  ],
  controllers: [AdminController],
})
export class AdminModule {}
