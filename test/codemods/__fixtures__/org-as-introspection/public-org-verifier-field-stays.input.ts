import { Injectable, UnauthorizedException } from '@nestjs/common';
import OktaJwtVerifier from '@okta/jwt-verifier';

@Injectable()
export class AuthService {
  // Verifies access tokens of the org.
  readonly verifier = new OktaJwtVerifier({ issuer: 'https://acme.okta.com', clientId: process.env.OKTA_CLIENT_ID });

  async validate(token: string) {
    try {
      const jwt = await this.verifier.verifyAccessToken(token, 'https://acme.okta.com');
      return jwt.claims;
    } catch {
      throw new UnauthorizedException();
    }
  }
}
