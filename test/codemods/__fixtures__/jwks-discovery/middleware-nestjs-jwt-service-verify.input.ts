import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';

const PUBLIC_KEY = `-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAvLJH3dzTA76FqGtX7K66
ByMWo+M+gf/fy9jNJ+FXWjyBh0ftxSsRjwwZmF/eYxtNN8E4ffaSFzM/zIQzGYoZ
rmpJ5qu/vNUTfH8/NcwXip8ims9xNrDZ6WhvE6FRrxrq4GagA8owmaEP5gVq1Vzs
LjVitE58SfK5cUJeQGganvAwPZXMfRTPz+JClPbY7QSciELhdgDz4alFiwkSqw69
gwESHM52EZp9Mmtl07d6kLAMjJhjRpn+CE+GZLNHjP1bACJPPjykSc3NMUauNunR
s/QknabnKQ5+1W9hg14DWmSXh1QBsVbBdqb2mtWklXKoVnDMEFJkm+dszNZAonPL
fwIDAQAB
-----END PUBLIC KEY-----`;

@Injectable()
export class TokenGuard {
  constructor(private readonly jwt: JwtService) {}

  check(token: string) {
    return this.jwt.verify(token, { publicKey: PUBLIC_KEY, issuer: 'https://acme.okta.com/oauth2/default' });
  }
}
