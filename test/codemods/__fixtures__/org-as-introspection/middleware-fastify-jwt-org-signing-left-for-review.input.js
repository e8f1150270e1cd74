// This @fastify/jwt also signs its own tokens (reply.jwtSign): the plugin stays, a person decides.
const fastify = require('fastify')();

fastify.register(require('@fastify/jwt'), {
  secret: { public: process.env.ORG_PUBLIC_KEY, private: process.env.OWN_PRIVATE_KEY },
  verify: { allowedIss: 'https://acme.okta.com' },
});
fastify.post('/session', async (request, reply) => ({ token: await reply.jwtSign({ sub: 'me' }) }));
