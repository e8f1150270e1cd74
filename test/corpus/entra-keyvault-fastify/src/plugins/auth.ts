import fastifyJwt from '@fastify/jwt';
import type { FastifyInstance } from 'fastify';
import { keyFor } from '../keys';

export default async function auth(app: FastifyInstance) {
  await app.register(fastifyJwt, {
    secret: keyFor,
    verify: {
      allowedIss: 'https://sts.windows.net/7f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f/',
      allowedAud: ['api://inventory', 'https://vault.azure.net'], // expect: oidc/no-foreign-token-verification
    },
  });
}
