import { Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { JwtModule } from '@nestjs/jwt';

@Module({
  imports: [
    ConfigModule.forRoot(),
    JwtModule.registerAsync({
      imports: [ConfigModule],
      inject: [ConfigService],
      useFactory: (config: ConfigService) => ({
        publicKey: config.getOrThrow<string>('JWT_PUBLIC_KEY'),
        verifyOptions: { algorithms: ['RS256'], issuer: config.get('JWT_ISSUER') },
      }),
    }),
  ],
})
export class AuthModule {}
