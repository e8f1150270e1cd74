import { Controller, Get, Headers, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';

@Controller('admin')
export class AdminController {
  constructor(private readonly jwt: JwtService) {}

  @Get('me')
  async me(@Headers('authorization') authorization?: string) {
    const token = authorization?.replace(/^Bearer /, '');
    if (!token) throw new UnauthorizedException();
    // Uses the key registered in AdminModule.
    const claims = await this.jwt.verifyAsync<{ sub: string; groups: string[] }>(token);
    return { sub: claims.sub, groups: claims.groups };
  }
}
