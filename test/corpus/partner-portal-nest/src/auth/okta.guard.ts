import { type CanActivate, type ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { Request } from 'express';
import { SigningKeys } from './signing-keys';

@Injectable()
export class OktaGuard implements CanActivate {
  constructor(
    private readonly jwt: JwtService,
    private readonly keys: SigningKeys,
  ) {}

  async canActivate(context: ExecutionContext) {
    const request = context.switchToHttp().getRequest<Request & { okta?: unknown }>();
    const token = request.headers.authorization?.replace(/^Bearer /, '');
    if (!token) throw new UnauthorizedException();
    request.okta = await this.jwt.verifyAsync(token, {
      publicKey: await this.keys.forToken(token),
      issuer: 'https://acme.okta.com', // expect: oidc/no-org-as-local-verification
      algorithms: ['RS256'],
    });
    return true;
  }
}
