import { createRemoteJWKSet, jwtVerify } from 'jose';
import { generatePolicy } from './policy.mjs';

const orgKeys = createRemoteJWKSet(new URL('https://acme.okta.com/oauth2/v1/keys'));

export const handler = async (event) => {
  const token = event.authorizationToken?.replace(/^Bearer\s+/i, '');
  if (!token) throw new Error('Unauthorized');
  try {
    const { payload } = await jwtVerify(token, orgKeys, {
      issuer: 'https://acme.okta.com',
      audience: '0oa1b2c3d4e5f6g7h8i9', // expect: oidc/no-id-token-as-bearer
    });
    return generatePolicy(payload.sub, 'Allow', event.methodArn, { email: String(payload.email) });
  } catch {
    throw new Error('Unauthorized');
  }
};
