export const OKTA_DOMAIN = process.env.OKTA_DOMAIN ?? 'acme.okta.com';
export const AUTH_SERVER_ID = process.env.OKTA_AUTH_SERVER_ID ?? 'default';
export const API_AUDIENCE = process.env.API_AUDIENCE ?? 'api://default';
