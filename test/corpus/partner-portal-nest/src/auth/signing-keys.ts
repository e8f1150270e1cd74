import { Injectable } from '@nestjs/common';
import { decodeProtectedHeader } from 'jose';
import jwksClient from 'jwks-rsa';

@Injectable()
export class SigningKeys {
  private readonly client = jwksClient({ jwksUri: process.env.OKTA_JWKS_URI!, cache: true, rateLimit: true });

  async forToken(token: string): Promise<string> {
    const { kid } = decodeProtectedHeader(token);
    const key = await this.client.getSigningKey(kid);
    return key.getPublicKey();
  }
}
