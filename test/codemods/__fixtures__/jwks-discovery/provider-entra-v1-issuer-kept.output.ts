import { createAccessTokenVerifier } from 'oidc-token-guard';
const accessTokenVerifier = createAccessTokenVerifier({ issuer: 'https://sts.windows.net/72f988bf-86f1-41af-91ab-2d7cd011db47/', audience: 'api://orders-api', algorithms: ['RS256'] });

export async function authenticate(token: string) {
  return await accessTokenVerifier.verify(token);
}
