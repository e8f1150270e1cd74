const { createRemoteJWKSet, jwtVerify } = require('jose');

const certs = createRemoteJWKSet(new URL('https://sso.acme.com/realms/acme/protocol/openid-connect/certs'));

exports.authenticate = async (req, res, next) => {
  try {
    const token = req.headers.authorization.replace(/^Bearer /, '');
    const { payload } = await jwtVerify(token, certs, { issuer: 'https://sso.acme.com/realms/acme', audience: 'orders-web' });
    if (payload.typ != 'Bearer') throw new Error('not an ID token');
    req.user = payload;
    next();
  } catch {
    res.status(401).end();
  }
};
