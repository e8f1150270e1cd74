import { importX509, jwtVerify } from 'jose';

const signingKey = await importX509(`-----BEGIN CERTIFICATE-----
MIIDBTCCAe2gAwIBAgIQN33ROaIJ6bJBWDCxtmJEbjANBgkqhkiG9w0BAQsFADAtMSswKQYDVQQDEyJhY2NvdW50cy5hY2Nlc3Njb250cm9sLndpbmRvd3MubmV0
-----END CERTIFICATE-----`, 'RS256');

export async function authenticate(token: string) {
  const { payload } = await jwtVerify(token, signingKey, {
    issuer: 'https://login.microsoftonline.com/common/v2.0',
    audience: '6e74172b-be56-4843-9ff4-e66a39bb12e3',
  });
  return payload;
}
