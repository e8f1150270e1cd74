import { Injectable, UnauthorizedException } from '@nestjs/common';
import OktaJwtVerifier from '@okta/jwt-verifier';
import { createTokenIntrospector } from 'oidc-token-guard';
// oidc-codemod: review: introspection authenticates a client of the org: set OKTA_CLIENT_SECRET (and OKTA_CLIENT_ID) for it, or switch to private_key_jwt
const tokenIntrospector = createTokenIntrospector({ issuer: 'https://acme.okta.com', clientId: process.env.OKTA_CLIENT_ID!, clientSecret: process.env.OKTA_CLIENT_SECRET!, audience: 'https://acme.okta.com' });

@Injectable()
export class AuthService {
  // Verifies access tokens of the org.
  readonly verifier = new OktaJwtVerifier({ issuer: 'https://acme.okta.com', clientId: process.env.OKTA_CLIENT_ID });

  async validate(token: string) {
    try {
      const jwt = await tokenIntrospector.introspect(token).then((claims) => ({ claims }));
      return jwt.claims;
    } catch {
      throw new UnauthorizedException();
    }
  }
}
