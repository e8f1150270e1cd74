import { createAccessTokenVerifier } from 'eslint-plugin-oidc/runtime';
const accessTokenVerifier = createAccessTokenVerifier({ issuer: 'https://acme.okta.com/oauth2/default', audience: 'api://default' });

export const check = async (token: string) => await accessTokenVerifier.verify(token);
