import type { IncomingMessage } from 'node:http';
import { createVerifier } from 'fast-jwt';
import buildGetJwks from 'get-jwks';

const getJwks = buildGetJwks({ providerDiscovery: true });

const verifyToken = createVerifier({
  key: async ({ header, payload }: { header: { kid: string; alg: string }; payload: { iss: string } }) =>
    getJwks.getPublicKey({ kid: header.kid, alg: header.alg, domain: payload.iss }),
  allowedIss: 'https://acme.okta.com/oauth2/default',
  allowedAud: '0oa1b2c3d4e5f6g7h8i9', // expect: oidc/no-id-token-as-bearer
});

export async function authenticateUpgrade(request: IncomingMessage) {
  const token = (request.headers.authorization ?? '').replace(/^Bearer\s+/i, '');
  return verifyToken(token);
}
