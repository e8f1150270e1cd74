// @fastify/jwt pinned to the org's key: replaced by the runtime's plugin; routes keep request.jwtVerify() and request.user.
import Fastify from 'fastify';
import fastifyJwt from '@fastify/jwt';

const OKTA_ORG = 'https://acme.okta.com';

export async function build() {
  const app = Fastify();
  await app.register(fastifyJwt, {
    secret: { public: process.env.OKTA_ORG_PUBLIC_KEY },
    decoratorName: 'principal',
    verify: { allowedIss: OKTA_ORG, algorithms: ['RS256'] },
  });
  app.addHook('onRequest', async (request) => {
    await request.jwtVerify();
  });
  app.get('/orders', async (request) => ({ owner: request.principal.sub }));
  return app;
}
