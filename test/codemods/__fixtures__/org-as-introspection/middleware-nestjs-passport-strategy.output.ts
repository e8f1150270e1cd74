import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { createTokenIntrospector, IntrospectionStrategy } from 'oidc-token-guard';
// oidc-codemod: review: introspection authenticates a client of the org: set OKTA_CLIENT_SECRET (and OKTA_CLIENT_ID) for it, or switch to private_key_jwt
const tokenIntrospector = createTokenIntrospector({ issuer: `https://${process.env.OKTA_DOMAIN}`, clientId: process.env.OKTA_CLIENT_ID!, clientSecret: process.env.OKTA_CLIENT_SECRET! });

export interface OktaClaims {
  sub: string;
  uid: string;
}

@Injectable()
export class JwtStrategy extends PassportStrategy(IntrospectionStrategy, 'okta') {
  constructor() {
    super({ introspector: tokenIntrospector, name: 'jwt', passReqToCallback: true });
  }

  validate(request: { tenant?: string }, claims: OktaClaims) {
    return { userId: claims.uid, tenant: request.tenant };
  }
}
