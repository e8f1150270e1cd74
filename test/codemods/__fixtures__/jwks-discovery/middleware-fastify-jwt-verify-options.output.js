import Fastify from 'fastify';
import fastifyJwt from '@fastify/jwt';
import { createIssuerKeySource, fastifyJwtSecret } from 'oidc-token-guard';
const issuerKeySource = createIssuerKeySource({ issuer: 'https://acme.okta.com/oauth2/ausorders', audience: 'api://orders' });

const app = Fastify();
app.register(fastifyJwt, {
  secret: fastifyJwtSecret(issuerKeySource),
  verify: { allowedIss: 'https://acme.okta.com/oauth2/ausorders', allowedAud: 'api://orders', algorithms: ['RS256'] },
  decode: { complete: true },
});
app.addHook('onRequest', async (request) => {
  await request.jwtVerify();
});

export default app;
