import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { JWT_AUDIENCE, JWT_ISSUER, JWT_PUBLIC_KEY } from './auth.constants';
import { WsJwtGuard } from './ws-jwt.guard';

@Module({
  imports: [
    PassportModule.register({ defaultStrategy: 'jwt' }),
    // The key is reported where it is written (auth.constants.ts) and, followed across modules, here.
    JwtModule.register({
      publicKey: JWT_PUBLIC_KEY, // expect: oidc/no-hardcoded-jwt-key
      verifyOptions: { algorithms: ['RS256'], issuer: JWT_ISSUER, audience: JWT_AUDIENCE },
    }),
  ],
  providers: [WsJwtGuard],
  exports: [JwtModule, WsJwtGuard],
})
export class AuthModule {}
