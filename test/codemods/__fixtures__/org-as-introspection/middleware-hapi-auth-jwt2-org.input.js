// hapi-auth-jwt2 at the org: the strategy keeps its name, and validate still names the credentials.
const Hapi = require('@hapi/hapi');

const ORG_KEY = process.env.OKTA_ORG_PUBLIC_KEY;

exports.init = async () => {
  const server = Hapi.server({ port: 0 });
  await server.register(require('hapi-auth-jwt2'));
  server.auth.strategy('okta', 'jwt', {
    key: ORG_KEY,
    async validate(decoded) {
      return { isValid: Boolean(decoded.sub), credentials: { user: decoded.sub } };
    },
    verifyOptions: { issuer: 'https://acme.okta.com', algorithms: ['RS256'] },
  });
  server.auth.default('okta');
  return server;
};
