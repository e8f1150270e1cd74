import { createRemoteJWKSet, jwtVerify } from 'jose';

const keys = createRemoteJWKSet(new URL(`https://login.microsoftonline.com/${process.env.AZURE_TENANT_ID}/discovery/v2.0/keys`));

/** Sign-in: the ID token from the token endpoint, for this web app's own client id, with the nonce. */
export async function completeSignIn(code: string, nonce: string) {
  const tokens = await redeem(code);
  const { payload } = await jwtVerify(tokens.id_token, keys, {
    issuer: `https://login.microsoftonline.com/${process.env.AZURE_TENANT_ID}/v2.0`,
    audience: process.env.AZURE_CLIENT_ID,
  });
  if (payload.nonce !== nonce) throw new Error('nonce mismatch');
  return payload;
}

declare function redeem(code: string): Promise<{ id_token: string; access_token: string }>;
