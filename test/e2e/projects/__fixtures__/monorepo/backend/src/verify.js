const { importSPKI, jwtVerify } = require('jose');

const ISSUER = process.env.OKTA_ISSUER ?? 'https://acme.okta.com/oauth2/default';
const PUBLIC_KEY = "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAvLJH3dzTA76FqGtX7K66\nByMWo+M+gf/fy9jNJ+FXWjyBh0ftxSsRjwwZmF/eYxtNN8E4ffaSFzM/zIQzGYoZ\nrmpJ5qu/vNUTfH8/NcwXip8ims9xNrDZ6WhvE6FRrxrq4GagA8owmaEP5gVq1Vzs\nLjVitE58SfK5cUJeQGganvAwPZXMfRTPz+JClPbY7QSciELhdgDz4alFiwkSqw69\ngwESHM52EZp9Mmtl07d6kLAMjJhjRpn+CE+GZLNHjP1bACJPPjykSc3NMUauNunR\ns/QknabnKQ5+1W9hg14DWmSXh1QBsVbBdqb2mtWklXKoVnDMEFJkm+dszNZAonPL\nfwIDAQAB\n-----END PUBLIC KEY-----\n";

async function verifyAccessToken(token) {
  const key = await importSPKI(PUBLIC_KEY, 'RS256');
  const { payload } = await jwtVerify(token, key, { issuer: ISSUER, audience: 'api://default' });
  return payload;
}

module.exports = { verifyAccessToken };
