import Keycloak from 'keycloak-connect';

export const keycloak = new Keycloak({}, { realm: 'shop', 'auth-server-url': 'https://sso.example.com/', resource: 'orders-api', 'bearer-only': true });
