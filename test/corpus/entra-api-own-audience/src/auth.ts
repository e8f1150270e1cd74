import { expressjwt } from 'express-jwt';
import jwksRsa from 'jwks-rsa';

const tenant = process.env.AZURE_TENANT_ID;

export const requireV1Token = expressjwt({
  secret: jwksRsa.expressJwtSecret({ jwksUri: `https://login.microsoftonline.com/${tenant}/discovery/keys`, cache: true }),
  issuer: `https://sts.windows.net/${tenant}/`,
  audience: 'api://orders-api',
  algorithms: ['RS256'],
});

// v2 access tokens name the API by its application (client) id.
export const requireV2Token = expressjwt({
  secret: jwksRsa.expressJwtSecret({ jwksUri: `https://login.microsoftonline.com/${tenant}/discovery/v2.0/keys`, cache: true }),
  issuer: `https://login.microsoftonline.com/${tenant}/v2.0`,
  audience: process.env.AZURE_CLIENT_ID,
  algorithms: ['RS256'],
});
