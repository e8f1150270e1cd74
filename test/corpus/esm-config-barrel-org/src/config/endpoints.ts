export { OKTA_ORG_URL as ISSUER_URL } from './okta';

export const JWKS_PATH = '/oauth2/v1/keys';
