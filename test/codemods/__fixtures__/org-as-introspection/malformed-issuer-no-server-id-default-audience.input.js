const OktaJwtVerifier = require('@okta/jwt-verifier');

const verifier = new OktaJwtVerifier({
  issuer: 'https://acme.okta.com/oauth2',
});

async function authenticate(req, res, next) {
  const token = (req.headers.authorization || '').replace('Bearer ', '');
  try {
    req.jwt = await verifier.verifyAccessToken(token, 'api://default');
    next();
  } catch (err) {
    res.status(401).send(err.message);
  }
}

module.exports = { authenticate };
