import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createTokenIntrospector } from 'oidc-token-guard';
// oidc-codemod: review: introspection authenticates a client of the org: set OKTA_CLIENT_SECRET (and OKTA_CLIENT_ID) for it, or switch to private_key_jwt
const tokenIntrospector = createTokenIntrospector({ issuer: 'https://acme.okta.com', clientId: process.env.OKTA_CLIENT_ID!, clientSecret: process.env.OKTA_CLIENT_SECRET! });
// oidc-codemod: review: introspection authenticates a client of the org: set OKTA_CLIENT_SECRET (and OKTA_CLIENT_ID) for it, or switch to private_key_jwt
const tokenIntrospector2 = createTokenIntrospector({ issuer: 'https://acme.okta.com', clientId: process.env.OKTA_CLIENT_ID!, clientSecret: process.env.OKTA_CLIENT_SECRET!, audience: 'https://acme.okta.com' });

@Injectable()
export class TokenService {
  constructor(private readonly jwt: JwtService) {}

  /** Called by the guard, which awaits nothing yet. */
  async claimsOf(token: string) {
    return await tokenIntrospector.introspect(token);
  }

  async adminClaimsOf(token: string) {
    return tokenIntrospector2.introspect(token);
  }
}
