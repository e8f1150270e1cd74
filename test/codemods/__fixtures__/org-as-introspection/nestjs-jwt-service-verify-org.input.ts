import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';

const ORG = 'https://acme.okta.com';

@Injectable()
export class TokenService {
  constructor(private readonly jwt: JwtService) {}

  /** Called by the guard, which awaits nothing yet. */
  claimsOf(token: string) {
    return this.jwt.verify(token, { publicKey: process.env.OKTA_ORG_PUBLIC_KEY, issuer: ORG });
  }

  async adminClaimsOf(token: string) {
    return this.jwt.verifyAsync(token, { publicKey: process.env.OKTA_ORG_PUBLIC_KEY, issuer: ORG, audience: ORG });
  }
}
