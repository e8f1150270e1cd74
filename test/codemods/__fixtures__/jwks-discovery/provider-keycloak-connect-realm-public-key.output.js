const Keycloak = require('keycloak-connect');
const session = require('express-session');

const memoryStore = new session.MemoryStore();
const keycloak = new Keycloak({ store: memoryStore }, {
  realm: 'shop',
  'auth-server-url': 'https://sso.example.com/',
  resource: 'orders-api',
  'bearer-only': true,
});

module.exports = keycloak;
