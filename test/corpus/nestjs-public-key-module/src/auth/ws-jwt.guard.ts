import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type CanActivate, type ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { Socket } from 'socket.io';

const KEY_PATH = join(__dirname, '..', '..', 'keys', 'okta-public.pem');

@Injectable()
export class WsJwtGuard implements CanActivate {
  constructor(private readonly jwtService: JwtService) {}

  canActivate(context: ExecutionContext): boolean {
    const client = context.switchToWs().getClient<Socket>();
    const token = client.handshake.auth?.token as string | undefined;
    if (!token) throw new UnauthorizedException();
    try {
      client.data.user = this.jwtService.verify(token, {
        publicKey: readFileSync(KEY_PATH, 'utf8'), // expect: oidc/no-hardcoded-jwt-key
        algorithms: ['RS256'],
      });
      return true;
    } catch {
      throw new UnauthorizedException();
    }
  }
}
