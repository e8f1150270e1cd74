// Safe look-alike: @hapi/jwt on the org's custom authorization server, keys from its JWKS: nothing to introspect.
const Jwt = require('@hapi/jwt');

exports.register = async (server) => {
  await server.register(Jwt);
  server.auth.strategy('okta', 'jwt', {
    keys: { uri: 'https://acme.okta.com/oauth2/default/v1/keys' },
    verify: { aud: 'api://default', iss: 'https://acme.okta.com/oauth2/default', sub: false },
    validate: false,
  });
};
