import jwt from 'jsonwebtoken';

const SIGNING_CERT = `-----BEGIN CERTIFICATE-----
MIIDBTCCAe2gAwIBAgIQN33ROaIJ6bJBWDCxtmJEbjANBgkqhkiG9w0BAQsFADAtMSswKQYDVQQDEyJhY2NvdW50cy5hY2Nlc3Njb250cm9sLndpbmRvd3MubmV0
-----END CERTIFICATE-----`;

export function authenticate(token: string) {
  return jwt.verify(token, SIGNING_CERT, { issuer: 'https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0', audience: 'api://orders-api' });
}
