// Verifies tokens for the legacy /v1 routes. Written when the team copied Okta's key out of the admin console.
const jwt = require('jsonwebtoken');

const OKTA_PUBLIC_KEY = `-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAvLJH3dzTA76FqGtX7K66
ByMWo+M+gf/fy9jNJ+FXWjyBh0ftxSsRjwwZmF/eYxtNN8E4ffaSFzM/zIQzGYoZ
rmpJ5qu/vNUTfH8/NcwXip8ims9xNrDZ6WhvE6FRrxrq4GagA8owmaEP5gVq1Vzs
LjVitE58SfK5cUJeQGganvAwPZXMfRTPz+JClPbY7QSciELhdgDz4alFiwkSqw69
gwESHM52EZp9Mmtl07d6kLAMjJhjRpn+CE+GZLNHjP1bACJPPjykSc3NMUauNunR
s/QknabnKQ5+1W9hg14DWmSXh1QBsVbBdqb2mtWklXKoVnDMEFJkm+dszNZAonPL
fwIDAQAB
-----END PUBLIC KEY-----`;

function requireJwt(req, res, next) {
  const header = req.headers.authorization || '';
  const token = header.replace(/^Bearer /, '');
  jwt.verify(token, OKTA_PUBLIC_KEY, { algorithms: ['RS256'], issuer: 'https://acme.okta.com/oauth2/default' }, (err, claims) => {
    if (err) return res.status(401).json({ error: 'invalid_token' });
    req.user = claims;
    next();
  });
}

module.exports = { requireJwt };
