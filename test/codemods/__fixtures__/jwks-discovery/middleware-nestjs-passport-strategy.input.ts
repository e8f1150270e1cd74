import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';

const OKTA_SIGNING_KEY = '-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAvLJH3dzTA76FqGtX7K66\nByMWo+M+gf/fy9jNJ+FXWjyBh0ftxSsRjwwZmF/eYxtNN8E4ffaSFzM/zIQzGYoZ\nrmpJ5qu/vNUTfH8/NcwXip8ims9xNrDZ6WhvE6FRrxrq4GagA8owmaEP5gVq1Vzs\nLjVitE58SfK5cUJeQGganvAwPZXMfRTPz+JClPbY7QSciELhdgDz4alFiwkSqw69\ngwESHM52EZp9Mmtl07d6kLAMjJhjRpn+CE+GZLNHjP1bACJPPjykSc3NMUauNunR\ns/QknabnKQ5+1W9hg14DWmSXh1QBsVbBdqb2mtWklXKoVnDMEFJkm+dszNZAonPL\nfwIDAQAB\n-----END PUBLIC KEY-----';

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy) {
  constructor() {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: OKTA_SIGNING_KEY,
      issuer: 'https://acme.okta.com/oauth2/ausorders',
      audience: 'api://orders',
      algorithms: ['RS256', 'HS256'],
    });
  }

  validate(claims: { sub: string; scp?: string[] }) {
    return { userId: claims.sub, scopes: claims.scp ?? [] };
  }
}
