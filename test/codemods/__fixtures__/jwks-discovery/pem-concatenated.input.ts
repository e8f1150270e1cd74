import * as jsonwebtoken from 'jsonwebtoken';

const config = {
  okta: {
    issuer: 'https://acme.okta.com/oauth2/default',
    publicKey:
      '-----BEGIN PUBLIC KEY-----\n' +
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAvLJH3dzTA76FqGtX7K66\n' +
  'ByMWo+M+gf/fy9jNJ+FXWjyBh0ftxSsRjwwZmF/eYxtNN8E4ffaSFzM/zIQzGYoZ\n' +
  'rmpJ5qu/vNUTfH8/NcwXip8ims9xNrDZ6WhvE6FRrxrq4GagA8owmaEP5gVq1Vzs\n' +
  'LjVitE58SfK5cUJeQGganvAwPZXMfRTPz+JClPbY7QSciELhdgDz4alFiwkSqw69\n' +
  'gwESHM52EZp9Mmtl07d6kLAMjJhjRpn+CE+GZLNHjP1bACJPPjykSc3NMUauNunR\n' +
  's/QknabnKQ5+1W9hg14DWmSXh1QBsVbBdqb2mtWklXKoVnDMEFJkm+dszNZAonPL\n' +
  'fwIDAQAB\n' +
  '-----END PUBLIC KEY-----\n',
  },
};

export async function check(token: string) {
  return jsonwebtoken.verify(token, config.okta.publicKey, { issuer: config.okta.issuer, audience: 'api://default' });
}
