import jwt from 'jsonwebtoken';

// The x5c of the tenant's signing key, copied from https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/discovery/keys
const SIGNING_CERT = `-----BEGIN CERTIFICATE-----
MIIDBTCCAe2gAwIBAgIQN33ROaIJ6bJBWDCxtmJEbjANBgkqhkiG9w0BAQsFADAtMSswKQYDVQQDEyJhY2NvdW50cy5hY2Nlc3Njb250cm9sLndpbmRvd3MubmV0
-----END CERTIFICATE-----`;

export function authenticate(token: string) {
  return jwt.verify(token, SIGNING_CERT, {
    algorithms: ['RS256'],
    issuer: 'https://sts.windows.net/72f988bf-86f1-41af-91ab-2d7cd011db47/',
    audience: 'api://orders-api',
  });
}
