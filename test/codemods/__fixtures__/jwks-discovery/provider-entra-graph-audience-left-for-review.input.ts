import jwt from 'jsonwebtoken';

const SIGNING_CERT = `-----BEGIN CERTIFICATE-----
MIIDBTCCAe2gAwIBAgIQN33ROaIJ6bJBWDCxtmJEbjANBgkqhkiG9w0BAQsFADAtMSswKQYDVQQDEyJhY2NvdW50cy5hY2Nlc3Njb250cm9sLndpbmRvd3MubmV0
-----END CERTIFICATE-----`;

// The SPA sends the token it got for Microsoft Graph (scope User.Read).
export function authenticate(token: string) {
  return jwt.verify(token, SIGNING_CERT, {
    issuer: 'https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/v2.0',
    audience: '00000003-0000-0000-c000-000000000000',
  });
}
