const Keycloak = require('keycloak-connect');

// No realm-public-key: keycloak-connect fetches the realm's certs itself.
module.exports = new Keycloak({}, { realm: 'shop', 'auth-server-url': 'https://sso.example.com/', resource: 'orders-api', 'bearer-only': true });
