export const oktaDomain = 'acme.okta.com';
export const orgKeysUri = `https://${oktaDomain}/oauth2/v1/keys`;
export const defaultServer = `https://${oktaDomain}/oauth2/default`;
