const jwt = require('jsonwebtoken');
const { issuer, clientId, signingKey } = require('../config/okta');

// The single-page app sends its ID token: the audience is the app's client id.
function verifyBearer(header) {
  const token = (header || '').replace(/^Bearer /, '');
  return jwt.verify(token, signingKey, { issuer, audience: clientId, algorithms: ['RS256'] });
}

function authenticate(req, res, next) {
  try {
    req.user = verifyBearer(req.headers.authorization);
    next();
  } catch (error) {
    res.status(401).json({ error: 'invalid_token' });
  }
}

module.exports = { authenticate, verifyBearer };
