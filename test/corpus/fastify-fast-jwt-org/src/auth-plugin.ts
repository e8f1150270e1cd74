import fastifyJwt from '@fastify/jwt';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { getJwks } from './jwks';

export default fp(async (fastify: FastifyInstance) => {
  await fastify.register(fastifyJwt, {
    decode: { complete: true },
    secret: async (_request: unknown, token: { header: { kid: string; alg: string }; payload: { iss: string } }) =>
      getJwks.getPublicKey({ kid: token.header.kid, alg: token.header.alg, domain: token.payload.iss }),
    verify: {
      allowedIss: 'https://acme.okta.com', // expect: oidc/no-org-as-local-verification
      algorithms: ['RS256'],
    },
  });

  fastify.addHook('onRequest', async (request, reply) => {
    if (request.routeOptions.config?.public) return;
    try {
      await request.jwtVerify();
    } catch {
      reply.code(401).send({ error: 'invalid_token' });
    }
  });
});
