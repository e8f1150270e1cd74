import buildGetJwks from 'get-jwks';

const getJwks = buildGetJwks({ providerDiscovery: true });

export async function keyFor(_request: unknown, token: { header: { kid: string; alg: string }; payload: { iss: string } }) {
  return getJwks.getPublicKey({ kid: token.header.kid, alg: token.header.alg, domain: token.payload.iss });
}
