import fastifyJwt from '@fastify/jwt';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import buildGetJwks from 'get-jwks';

const OKTA_ISSUER = process.env.OKTA_ISSUER!;
const OKTA_CLIENT_ID = process.env.OKTA_CLIENT_ID!;
const getJwks = buildGetJwks({ providerDiscovery: true });

export default fp(async (fastify: FastifyInstance) => {
  await fastify.register(fastifyJwt, {
    decode: { complete: true },
    secret: (_request: unknown, token: { header: { kid: string; alg: string } }) =>
      getJwks.getPublicKey({ kid: token.header.kid, alg: token.header.alg, domain: OKTA_ISSUER }),
    verify: {
      allowedIss: OKTA_ISSUER,
      allowedAud: OKTA_CLIENT_ID, // expect: oidc/no-id-token-as-bearer
    },
  });
});
