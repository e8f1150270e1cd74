import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';

const PARTNER_SIGNING_KEY = '-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA1ajiijtfZKP97lCoLyVs\nKVSqIWorOGjuviazdqp5DTc0m0OsxDNLOXrjj5EruiT6NiWQxIrPyZtbx6O8aSN/\nFNcbBKWPRi4WeEIG+8uRVGtUeLYiqvDdOOXTz4uRsTsas9TD93Yns8dMhopus0Q8\n8mg1HEs9b/A7vulrPU9wg4/xnMK5S/YtuPQoUJUgPfDffrsv1gL6BkfpTBjnX63J\n/DyqCd4z6z256z79+e/Ed8jMZVb4Jqijtz0Cdh5ZI6JpvUXwxJ+0undcboqnLbwL\nocXAacZKo4xlUgxZJccA0z6BS3YW4z+V+tDbhrctSG4FcZmyJHM+3+mtNqpuNiEq\n0QIDAQAB\n-----END PUBLIC KEY-----\n';

@Injectable()
export class PartnerStrategy extends PassportStrategy(Strategy, 'partner') {
  constructor() {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: PARTNER_SIGNING_KEY, // expect: oidc/no-hardcoded-jwt-key
      issuer: 'https://acme.okta.com/oauth2/aus1a2b3c4d5e6f7g8h9',
      audience: '0oa7h8i9j0k1l2m3n4o5', // expect: oidc/no-id-token-as-bearer
      algorithms: ['RS256'],
    });
  }

  validate(claims: { sub: string; partner_id: string }) {
    return { sub: claims.sub, partnerId: claims.partner_id };
  }
}
