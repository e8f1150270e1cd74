import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { passportJwtSecret } from 'jwks-rsa';
import { ExtractJwt, Strategy } from 'passport-jwt';

@Injectable()
export class OktaIdStrategy extends PassportStrategy(Strategy, 'okta-id') {
  constructor() {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKeyProvider: passportJwtSecret({
        jwksUri: `${process.env.OKTA_ISSUER}/v1/keys`,
        cache: true,
        rateLimit: true,
      }),
      issuer: process.env.OKTA_ISSUER,
      audience: process.env.OKTA_CLIENT_ID, // expect: oidc/no-id-token-as-bearer
      algorithms: ['RS256'],
    });
  }

  validate(claims: { sub: string; email: string; groups?: string[] }) {
    return { id: claims.sub, email: claims.email, groups: claims.groups ?? [] };
  }
}
