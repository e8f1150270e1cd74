const jwt = require('jsonwebtoken');

const OKTA_ISSUER = process.env.OKTA_ISSUER ?? 'https://acme.okta.com/oauth2/default';
// The single-page app's client id: ID tokens carry it as their audience.
const SPA_CLIENT_ID = '0oa1spaclient0000000';
const SIGNING_KEY = "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAvLJH3dzTA76FqGtX7K66\nByMWo+M+gf/fy9jNJ+FXWjyBh0ftxSsRjwwZmF/eYxtNN8E4ffaSFzM/zIQzGYoZ\nrmpJ5qu/vNUTfH8/NcwXip8ims9xNrDZ6WhvE6FRrxrq4GagA8owmaEP5gVq1Vzs\nLjVitE58SfK5cUJeQGganvAwPZXMfRTPz+JClPbY7QSciELhdgDz4alFiwkSqw69\ngwESHM52EZp9Mmtl07d6kLAMjJhjRpn+CE+GZLNHjP1bACJPPjykSc3NMUauNunR\ns/QknabnKQ5+1W9hg14DWmSXh1QBsVbBdqb2mtWklXKoVnDMEFJkm+dszNZAonPL\nfwIDAQAB\n-----END PUBLIC KEY-----\n";

async function verifyBearer(header) {
  const token = (header || '').replace(/^Bearer /, '');
  return jwt.verify(token, SIGNING_KEY, { issuer: OKTA_ISSUER, audience: SPA_CLIENT_ID, algorithms: ['RS256'] });
}

module.exports = { verifyBearer };
