'use strict';

// Verifies bearer tokens for the orders API. The key was copied from the Okta admin console in 2021,
// "until we have time to wire up the JWKS endpoint".
const jwt = require('jsonwebtoken');

const ISSUER = 'https://acme.okta.com/oauth2/default';
const AUDIENCE = 'api://default';

const OKTA_PUBLIC_KEY =
  '-----BEGIN PUBLIC KEY-----\n' +
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAkOj3w38B6Jdk0Ylrv4Aa\n' +
  'TXQoRS1EUYXfHX2BqUe1M9OPjPpW5htkZPnW+UgrXzWxKigYJCson86/QFAfTFhH\n' +
  'wR7S/vySe+z/HbSLnvjzzoFayDJJbswwWS87EJga4VZxUP2q2pNm4k1f6tfyZCsw\n' +
  'cnRMUrXeeP6Ly4OgyPE287yzOKCJPD0pv9hikNX4yz7AQZc63PN9tuY3s3sXrv27\n' +
  'tC9asZxdbof+buOnjdjdexcYwQm/yHLr90QdgbZpDTmnGMFZMRyeb0R+UdZGGxWr\n' +
  'LdeW8TzbAKIRs8CGXf5gJwfP3mx05w2aLs9RscQBl3MaaCXL73AbR19N/0PMvW2O\n' +
  'GQIDAQAB\n' +
  '-----END PUBLIC KEY-----\n';

function requireJwt(req, res, next) {
  const header = req.headers.authorization || '';
  const [scheme, token] = header.split(' ');
  if (scheme !== 'Bearer' || !token) {
    return res.status(401).json({ error: 'missing_token' });
  }

  jwt.verify(
    token,
    OKTA_PUBLIC_KEY, // expect: oidc/no-hardcoded-jwt-key
    { algorithms: ['RS256'], issuer: ISSUER, audience: AUDIENCE },
    (err, claims) => {
      if (err) {
        req.log && req.log.warn({ err }, 'rejected bearer token');
        return res.status(401).json({ error: 'invalid_token' });
      }
      req.user = claims;
      return next();
    },
  );
}

module.exports = { requireJwt };
