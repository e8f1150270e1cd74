import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { createIssuerKeySource, passportJwtKeyProvider } from 'oidc-token-guard';
const issuerKeySource = createIssuerKeySource({ issuer: 'https://acme.okta.com/oauth2/ausorders', audience: 'api://orders', algorithms: ['RS256'] });

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy) {
  constructor() {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKeyProvider: passportJwtKeyProvider(issuerKeySource),
      issuer: 'https://acme.okta.com/oauth2/ausorders',
      audience: 'api://orders',
      algorithms: ['RS256'],
    });
  }

  validate(claims: { sub: string; scp?: string[] }) {
    return { userId: claims.sub, scopes: claims.scp ?? [] };
  }
}
