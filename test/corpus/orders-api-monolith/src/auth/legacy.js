// v1 routes. The key file was exported from the admin console when the API launched.
const fs = require('fs');
const jwt = require('jsonwebtoken');

function requireLegacyJwt(req, res, next) {
  const token = (req.headers.authorization || '').replace(/^Bearer /, '');
  try {
    req.user = jwt.verify(token, fs.readFileSync('./keys/okta.pem'), { algorithms: ['RS256'] }); // expect: oidc/no-hardcoded-jwt-key
    next();
  } catch (err) {
    res.status(401).json({ error: 'invalid_token' });
  }
}

module.exports = { requireLegacyJwt };
