import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { JWT_AUDIENCE, JWT_ISSUER, JWT_PUBLIC_KEY } from './auth.constants';
import { WsJwtGuard } from './ws-jwt.guard';

@Module({
  imports: [
    PassportModule.register({ defaultStrategy: 'jwt' }),
    // The key is reported where it is written, in auth.constants.ts.
    JwtModule.register({
      publicKey: JWT_PUBLIC_KEY,
      verifyOptions: { algorithms: ['RS256'], issuer: JWT_ISSUER, audience: JWT_AUDIENCE },
    }),
  ],
  providers: [WsJwtGuard],
  exports: [JwtModule, WsJwtGuard],
})
export class AuthModule {}
