import { createAccessTokenVerifier } from 'oidc-token-guard';
// oidc-codemod: review: 'common' names no tenant and no token carries it as iss: the multi-tenant issuer 'https://login.microsoftonline.com/{tenantid}/v2.0' accepts each tenant's tokens whose iss names their own tid; set tenantId to the tenants you serve, or check that any tenant may call this API
const accessTokenVerifier = createAccessTokenVerifier({ issuer: 'https://login.microsoftonline.com/{tenantid}/v2.0', audience: '6e74172b-be56-4843-9ff4-e66a39bb12e3' });

export async function authenticate(token: string) {
  const payload = await accessTokenVerifier.verify(token);
  return payload;
}
