import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { TokenService } from './token.service';

interface AuthenticatedRequest {
  headers: Record<string, string | undefined>;
  user?: { sub?: string };
}

@Injectable()
export class AuthGuard implements CanActivate {
  constructor(private readonly tokens: TokenService) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = (request.headers.authorization ?? '').replace(/^Bearer /, '');
    try {
      request.user = this.tokens.verify(token);
      return true;
    } catch {
      throw new UnauthorizedException('invalid_token');
    }
  }
}
