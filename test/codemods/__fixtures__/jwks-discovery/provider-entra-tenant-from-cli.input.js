const jwt = require('jsonwebtoken');

const AZURE_SIGNING_CERT = '-----BEGIN CERTIFICATE-----\nMIIDBTCCAe2gAwIBAgIQN33ROaIJ6bJBWDCxtmJEbjANBgkqhkiG9w0BAQsFADAtMSswKQYDVQQDEyJhY2NvdW50cy5hY2Nlc3Njb250cm9sLndpbmRvd3MubmV0\n-----END CERTIFICATE-----';

module.exports = async function authenticate(req) {
  const token = req.headers.authorization.replace(/^Bearer /, '');
  return jwt.verify(token, AZURE_SIGNING_CERT, { algorithms: ['RS256'] });
};
