import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { passportJwtSecret } from 'jwks-rsa';
import { ExtractJwt, Strategy } from 'passport-jwt';

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy) {
  constructor() {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKeyProvider: passportJwtSecret({ jwksUri: 'https://acme.us.auth0.com/.well-known/jwks.json', cache: true, rateLimit: true }),
      issuer: 'https://acme.us.auth0.com/',
      audience: 'https://acme.us.auth0.com/api/v2/', // expect: oidc/no-foreign-token-verification
      algorithms: ['RS256'],
    });
  }

  validate(claims: { sub: string; permissions?: string[] }) {
    return { userId: claims.sub, permissions: claims.permissions ?? [] };
  }
}
