const PUBLIC_KEY = '-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAvLJH3dzTA76FqGtX7K66\n-----END PUBLIC KEY-----';
const jwt = require('jsonwebtoken');
function verifyToken(token) {
  return jwt.verify(token, PUBLIC_KEY, { issuer: 'https://acme.okta.com/oauth2/default', audience: 'api://default' });
}
module.exports = { verifyToken };
