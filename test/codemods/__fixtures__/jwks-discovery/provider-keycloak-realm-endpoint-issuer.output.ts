import { createAccessTokenVerifier } from 'oidc-token-guard';
// oidc-codemod: review: the issuer is now 'https://sso.example.com/realms/shop', as Keycloak's discovery document spells it (the old check refused every token): check it
const accessTokenVerifier = createAccessTokenVerifier({ issuer: 'https://sso.example.com/realms/shop', audience: 'orders-api' });

export async function authenticate(token: string) {
  return await accessTokenVerifier.verify(token);
}
