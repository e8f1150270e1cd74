const jwt = require('jsonwebtoken');
const jwksRsa = require('jwks-rsa');
const config = require('../config');

const keys = jwksRsa({ jwksUri: `${config.okta.issuer}/v1/keys`, cache: true, rateLimit: true });

function getKey(header, callback) {
  keys.getSigningKey(header.kid, (err, key) => callback(err, key && key.getPublicKey()));
}

module.exports = function auth() {
  return async function authenticate(ctx, next) {
    const header = ctx.headers.authorization || '';
    const token = header.startsWith('Bearer ') ? header.slice(7) : null;
    if (!token) ctx.throw(401, 'missing token');
    try {
      ctx.state.user = await new Promise((resolve, reject) => {
        jwt.verify(
          token,
          getKey,
          {
            issuer: config.okta.issuer,
            audience: [config.okta.audience, config.okta.clientId], // expect: oidc/no-id-token-as-bearer
            algorithms: ['RS256'],
          },
          (err, claims) => (err ? reject(err) : resolve(claims)),
        );
      });
    } catch (err) {
      ctx.throw(401, err.message);
    }
    await next();
  };
};
