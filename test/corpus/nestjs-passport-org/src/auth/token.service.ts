import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';

@Injectable()
export class TokenService {
  constructor(private readonly jwt: JwtService) {}

  /** Tokens forwarded by the job queue; verified with the module's options. */
  async claimsOf(token: string) {
    return this.jwt.verifyAsync<{ sub: string; scp: string[] }>(token);
  }
}
