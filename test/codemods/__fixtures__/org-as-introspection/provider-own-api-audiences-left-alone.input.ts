import { createRemoteJWKSet, jwtVerify } from 'jose';

const ENTRA = createRemoteJWKSet(new URL('https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/discovery/v2.0/keys'));
const AUTH0 = createRemoteJWKSet(new URL('https://acme.us.auth0.com/.well-known/jwks.json'));

// An Entra API verifying tokens for its own application id, and an Auth0 API for its own identifier.
export async function entraApi(token: string) {
  return jwtVerify(token, ENTRA, { issuer: 'https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/v2.0', audience: '6e74172b-be56-4843-9ff4-e66a39bb12e3' });
}

export async function auth0Api(token: string) {
  return jwtVerify(token, AUTH0, { issuer: 'https://acme.us.auth0.com/', audience: 'https://orders.example.com' });
}

// Calling Graph with a token issued for it is correct.
export async function me(graphToken: string) {
  return fetch('https://graph.microsoft.com/v1.0/me', { headers: { Authorization: `Bearer ${graphToken}` } });
}
