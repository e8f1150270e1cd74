// @fastify/jwt pinned to the org's key: replaced by the runtime's plugin; routes keep request.jwtVerify() and request.user.
import Fastify from 'fastify';
import { createTokenIntrospector, introspectingFastifyJwt } from 'oidc-token-guard';
// oidc-codemod: review: introspection authenticates a client of the org: set OKTA_CLIENT_SECRET (and OKTA_CLIENT_ID) for it, or switch to private_key_jwt
const tokenIntrospector = createTokenIntrospector({ issuer: 'https://acme.okta.com', clientId: process.env.OKTA_CLIENT_ID, clientSecret: process.env.OKTA_CLIENT_SECRET });

export async function build() {
  const app = Fastify();
  await app.register(introspectingFastifyJwt, { introspector: tokenIntrospector, decoratorName: 'principal' });
  app.addHook('onRequest', async (request) => {
    await request.jwtVerify();
  });
  app.get('/orders', async (request) => ({ owner: request.principal.sub }));
  return app;
}
