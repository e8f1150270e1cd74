const { createRemoteJWKSet, jwtVerify } = require('jose');

const certs = createRemoteJWKSet(new URL('https://sso.acme.com/realms/acme/protocol/openid-connect/certs'));
const claimsOf = async (req) => (await jwtVerify(req.headers.authorization.slice(7), certs, { issuer: 'https://sso.acme.com/realms/acme' })).payload;

exports.onlyIdTokens = async (req, res, next) => {
  const claims = await claimsOf(req);
  if (!['ID'].includes(claims.typ)) return res.sendStatus(401);
  next();
};

exports.onlyIdTokensNegated = async (req, res, next) => {
  const claims = await claimsOf(req);
  if (!(claims.typ === 'ID')) return res.sendStatus(401);
  next();
};

// Already right: these refuse ID tokens.
exports.refuseListed = async (req, res, next) => {
  const claims = await claimsOf(req);
  if (['ID'].includes(claims.typ)) return res.sendStatus(401);
  next();
};

exports.refuseNegated = async (req, res, next) => {
  const claims = await claimsOf(req);
  if (!(claims.typ !== 'ID')) throw new Error('ID tokens are not accepted');
  next();
};
