import { type CanActivate, type ExecutionContext, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { Request } from 'express';

export interface OktaSettings {
  issuer: string;
  clientId: string;
}

export const OKTA_SETTINGS = Symbol('OKTA_SETTINGS');

@Injectable()
export class IdTokenGuard implements CanActivate {
  constructor(
    private readonly jwt: JwtService,
    @Inject(OKTA_SETTINGS) private readonly okta: OktaSettings,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request & { user?: unknown }>();
    const [type, token] = request.headers.authorization?.split(' ') ?? [];
    if (type !== 'Bearer' || !token) throw new UnauthorizedException();
    try {
      request.user = await this.jwt.verifyAsync(token, {
        issuer: this.okta.issuer,
        audience: this.okta.clientId, // expect: oidc/no-id-token-as-bearer
      });
      return true;
    } catch {
      throw new UnauthorizedException();
    }
  }
}
