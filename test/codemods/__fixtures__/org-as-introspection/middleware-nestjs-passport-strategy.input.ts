import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { passportJwtSecret } from 'jwks-rsa';

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy) {
  constructor() {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      issuer: `https://${process.env.OKTA_DOMAIN}`,
      secretOrKeyProvider: passportJwtSecret({ jwksUri: `https://${process.env.OKTA_DOMAIN}/oauth2/v1/keys` }),
    });
  }
}
