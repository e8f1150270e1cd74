const Keycloak = require('keycloak-connect');

exports.keycloak = new Keycloak({}, {
  realm: 'acme',
  'auth-server-url': process.env.KEYCLOAK_URL,
  resource: 'orders-api',
  'bearer-only': true,
});
