import fastifyJwt from '@fastify/jwt';
import type { FastifyInstance } from 'fastify';

export async function registerJwt(app: FastifyInstance) {
  const publicKey = process.env.JWT_PUBLIC_KEY;
  if (!publicKey) throw new Error('JWT_PUBLIC_KEY must be set');
  await app.register(fastifyJwt, {
    secret: { public: publicKey },
    verify: { algorithms: ['RS256'] },
  });
}
