import jwt, { type JwtHeader, type SigningKeyCallback } from 'jsonwebtoken';
import jwksClient from 'jwks-rsa';

// Copied from the browser address bar while logged in to the admin console.
const ISSUER = 'https://acme.okta.com/oauth2/default';

const client = jwksClient({ jwksUri: `${ISSUER}/v1/keys` });

function getKey(header: JwtHeader, callback: SigningKeyCallback) {
  client.getSigningKey(header.kid, (error, key) => callback(error, key?.getPublicKey()));
}

export function verifyLegacy(token: string) {
  return new Promise((resolve, reject) => {
    jwt.verify(
      token,
      getKey,
      {
        issuer: ISSUER,
        audience: 'api://default',
      },
      (error, claims) => (error ? reject(error) : resolve(claims)),
    );
  });
}
