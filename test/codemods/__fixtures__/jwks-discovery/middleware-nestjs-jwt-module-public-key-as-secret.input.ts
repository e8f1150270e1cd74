import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { AdminController } from './admin.controller';

// Tokens for the back-office come from the workforce tenant, signed with its own key.
const WORKFORCE_PUBLIC_KEY = `-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAkOj3w38B6Jdk0Ylrv4Aa
TXQoRS1EUYXfHX2BqUe1M9OPjPpW5htkZPnW+UgrXzWxKigYJCson86/QFAfTFhH
wR7S/vySe+z/HbSLnvjzzoFayDJJbswwWS87EJga4VZxUP2q2pNm4k1f6tfyZCsw
cnRMUrXeeP6Ly4OgyPE287yzOKCJPD0pv9hikNX4yz7AQZc63PN9tuY3s3sXrv27
tC9asZxdbof+buOnjdjdexcYwQm/yHLr90QdgbZpDTmnGMFZMRyeb0R+UdZGGxWr
LdeW8TzbAKIRs8CGXf5gJwfP3mx05w2aLs9RscQBl3MaaCXL73AbR19N/0PMvW2O
GQIDAQAB
-----END PUBLIC KEY-----`;

@Module({
  imports: [
    JwtModule.register({
      secret: WORKFORCE_PUBLIC_KEY,
      verifyOptions: { algorithms: ['RS256'], issuer: 'https://acme-workforce.okta.com/oauth2/default' },
    }),
  ],
  controllers: [AdminController],
})
export class AdminModule {}
