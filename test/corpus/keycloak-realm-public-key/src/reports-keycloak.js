const Keycloak = require('keycloak-connect');

exports.reportsKeycloak = new Keycloak(
  {},
  require('./keycloak.json'), // expect: oidc/no-hardcoded-jwt-key
);
