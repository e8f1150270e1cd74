'use strict';

const jwt = require('jsonwebtoken');
const { pemForKid } = require('./signing-keys');

async function verifyAccessToken(token) {
  const decoded = jwt.decode(token, { complete: true });
  if (!decoded || !decoded.header.kid) throw new Error('malformed token');
  const pem = await pemForKid(decoded.header.kid);
  return jwt.verify(token, pem, {
    algorithms: ['RS256'],
    issuer: process.env.OKTA_ISSUER,
    audience: process.env.OKTA_AUDIENCE,
  });
}

// A one-off endpoint that fetches the key itself and wraps the x5c inline.
async function verifyWithFreshKey(token) {
  const { header } = jwt.decode(token, { complete: true });
  const { keys } = await (await fetch(`${process.env.OKTA_ISSUER}/v1/keys`)).json();
  const x5c = keys.find((key) => key.kid === header.kid).x5c[0];
  const pem = '-----BEGIN CERTIFICATE-----\n' + x5c + '\n-----END CERTIFICATE-----';
  return jwt.verify(token, pem, { algorithms: ['RS256'], issuer: process.env.OKTA_ISSUER });
}

module.exports = { verifyAccessToken, verifyWithFreshKey };
