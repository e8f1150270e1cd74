export const REALM_ISSUER = 'https://sso.acme.io/realms/customers';
export const AUDIENCE = 'gateway';
export const PORT = Number(process.env.PORT ?? 8080);
