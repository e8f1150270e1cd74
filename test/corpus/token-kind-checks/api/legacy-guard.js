const { createRemoteJWKSet, jwtVerify } = require('jose');

const certs = createRemoteJWKSet(new URL('https://sso.acme.com/realms/acme/protocol/openid-connect/certs'));

// Written when the single-page app still sent its ID token.
exports.requireUser = async (req, res, next) => {
  try {
    const { payload } = await jwtVerify(req.headers.authorization.slice(7), certs, { issuer: 'https://sso.acme.com/realms/acme' });
    if ("ID" != payload.typ) { // expect: oidc/no-id-token-as-bearer
      return res.status(403).end();
    }
    req.user = payload;
    next();
  } catch {
    res.status(401).end();
  }
};
