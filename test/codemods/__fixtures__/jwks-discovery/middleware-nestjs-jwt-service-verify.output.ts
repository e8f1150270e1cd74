import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createAccessTokenVerifier } from 'oidc-token-guard';
// oidc-codemod: review: the old verification did not check the audience, so api://default, the default custom authorization server's, is assumed: run again with --audience if the API's is another
const accessTokenVerifier = createAccessTokenVerifier({ issuer: 'https://acme.okta.com/oauth2/default', audience: 'api://default' });

@Injectable()
export class TokenGuard {
  constructor(private readonly jwt: JwtService) {}

  async check(token: string) {
    return await accessTokenVerifier.verify(token);
  }
}
