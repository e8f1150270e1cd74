import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { passportJwtSecret } from 'jwks-rsa';

export interface OktaClaims {
  sub: string;
  uid: string;
}

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'okta') {
  constructor() {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      issuer: `https://${process.env.OKTA_DOMAIN}`,
      secretOrKeyProvider: passportJwtSecret({ jwksUri: `https://${process.env.OKTA_DOMAIN}/oauth2/v1/keys` }),
      passReqToCallback: true,
    });
  }

  validate(request: { tenant?: string }, claims: OktaClaims) {
    return { userId: claims.uid, tenant: request.tenant };
  }
}
