import { Injectable, Module, UnauthorizedException } from '@nestjs/common';
import { JwtModule, JwtService } from '@nestjs/jwt';

const INVITE_SECRET = 'invite-tokens-5f1c2b9e8a7d6c4b3a29';

@Injectable()
export class InviteService {
  constructor(private readonly jwt: JwtService) {}

  createInvite(teamId: string, email: string) {
    return this.jwt.sign({ teamId, email }, { secret: INVITE_SECRET, expiresIn: '7d' });
  }

  acceptInvite(token: string) {
    try {
      return this.jwt.verify<{ teamId: string; email: string }>(token, { secret: INVITE_SECRET, algorithms: ['HS256'] });
    } catch {
      throw new UnauthorizedException('invite expired');
    }
  }
}

@Module({
  imports: [
    JwtModule.register({
      secret: 'dev-only-hs256-secret-overridden-in-prod',
      signOptions: { algorithm: 'HS256', expiresIn: '15m' },
    }),
  ],
  providers: [InviteService],
  exports: [InviteService],
})
export class SessionModule {}
