import { createRemoteJWKSet, jwtVerify } from 'jose';

const TENANT_ID = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const JWKS = createRemoteJWKSet(new URL(`https://login.microsoftonline.com/${TENANT_ID}/discovery/v2.0/keys`));

// The SPA sends the token it got for Microsoft Graph (scope User.Read).
export async function authenticate(token: string) {
  const { payload } = await jwtVerify(token, JWKS, { issuer: `https://login.microsoftonline.com/${TENANT_ID}/v2.0`, audience: 'https://graph.microsoft.com' });
  return payload;
}
