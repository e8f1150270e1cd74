// Besides request.jwtVerify(), the app calls fastify.jwt.verify: the introspecting plugin has no fastify.jwt.
const fastify = require('fastify')();

fastify.register(require('@fastify/jwt'), { secret: process.env.ORG_KEY, verify: { allowedIss: 'https://acme.okta.com' } });
fastify.get('/me', async (request) => fastify.jwt.verify(request.headers.authorization.slice(7)));
