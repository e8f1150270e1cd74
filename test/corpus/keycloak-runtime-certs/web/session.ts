import type Keycloak from 'keycloak-js';

export const callApi = (keycloak: Keycloak) => fetch('/api/orders', { headers: { Authorization: `Bearer ${keycloak.token}` } });

export const userName = (keycloak: Keycloak) => keycloak.idTokenParsed?.preferred_username;
