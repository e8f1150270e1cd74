import { createAccessTokenVerifier } from 'oidc-token-guard';
const accessTokenVerifier = createAccessTokenVerifier({ issuer: 'https://acme.okta.com/oauth2/default', audience: 'api://default' });

export const check = async (token: string) => await accessTokenVerifier.verify(token);
