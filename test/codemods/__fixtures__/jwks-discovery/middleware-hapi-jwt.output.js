const Jwt = require('@hapi/jwt');
const { createIssuerKeySource, hapiJwtKeys } = require('oidc-token-guard');
const issuerKeySource = createIssuerKeySource({ issuer: 'https://acme.okta.com/oauth2/ausorders', audience: 'api://orders', algorithms: ['RS256'] });

exports.register = async (server) => {
  await server.register(Jwt);
  server.auth.strategy('okta', 'jwt', {
    keys: hapiJwtKeys(issuerKeySource),
    verify: { aud: 'api://orders', sub: false, nbf: true, exp: true, iss: 'https://acme.okta.com/oauth2/ausorders' },
    validate: (artifacts) => ({ isValid: true, credentials: artifacts.decoded.payload }),
  });
};
