import { createRemoteJWKSet, jwtVerify } from 'jose';
import { GRAPH_APP_ID, TENANT } from './constants';

const keys = createRemoteJWKSet(new URL(`https://login.microsoftonline.com/${TENANT}/discovery/keys`));

export async function verifyCaller(authorization: string) {
  const token = authorization.replace(/^Bearer /, '');
  const { payload } = await jwtVerify(token, keys, {
    issuer: `https://sts.windows.net/${TENANT}/`,
    audience: GRAPH_APP_ID, // expect: oidc/no-foreign-token-verification
  });
  return payload;
}
