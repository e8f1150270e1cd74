export const AUTH0_DOMAIN = 'acme.eu.auth0.com';
export const AUTH0_ISSUER = `https://${AUTH0_DOMAIN}/`;
