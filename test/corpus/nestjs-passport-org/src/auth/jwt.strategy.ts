import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { passportJwtSecret } from 'jwks-rsa';
import { ExtractJwt, Strategy } from 'passport-jwt';

export interface OktaClaims {
  sub: string;
  uid: string;
  scp: string[];
}

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy) {
  constructor() {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKeyProvider: passportJwtSecret({
        cache: true,
        rateLimit: true,
        jwksRequestsPerMinute: 5,
        jwksUri: `https://${process.env.OKTA_DOMAIN}/oauth2/v1/keys`,
      }),
      issuer: `https://${process.env.OKTA_DOMAIN}`, // expect: oidc/no-org-as-local-verification
      audience: `https://${process.env.OKTA_DOMAIN}`,
      algorithms: ['RS256'],
    });
  }

  validate(claims: OktaClaims) {
    return { userId: claims.uid, email: claims.sub, scopes: claims.scp };
  }
}
