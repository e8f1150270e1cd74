import { createAccessTokenVerifier } from 'oidc-token-guard';
// oidc-codemod: review: the audience 'account' (Keycloak's default, which names no API) became --audience: make sure an audience mapper puts it in the realm's access tokens
const accessTokenVerifier = createAccessTokenVerifier({ issuer: 'https://sso.example.com/realms/shop', audience: 'orders-api' });

export async function authenticate(token: string) {
  return await accessTokenVerifier.verify(token);
}
