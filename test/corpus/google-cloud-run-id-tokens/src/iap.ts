import { createRemoteJWKSet, jwtVerify } from 'jose';

const iapKeys = createRemoteJWKSet(new URL('https://www.gstatic.com/iap/verify/public_key-jwk'));

/** IAP signs its assertion; the audience is the backend service. */
export async function verifyIap(assertion: string) {
  const { payload } = await jwtVerify(assertion, iapKeys, { issuer: 'https://cloud.google.com/iap', audience: '/projects/123456789/global/backendServices/987654321' });
  return payload;
}

export const verifyCaller = async (idToken: string) =>
  jwtVerify(idToken, createRemoteJWKSet(new URL('https://www.googleapis.com/oauth2/v3/certs')), { issuer: 'https://accounts.google.com', audience: process.env.GOOGLE_CLIENT_ID });
