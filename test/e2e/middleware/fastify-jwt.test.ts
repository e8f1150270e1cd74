// @fastify/jwt in a real Fastify app: `secret` pinned to a PEM, migrated to fastifyJwtSecret(issuerKeySource) with decode.complete.
import { describeMigratedApp } from './support/migrated-app.js';

describeMigratedApp({
  library: '@fastify/jwt',
  packages: ['fastify', '@fastify/jwt'],
  files: ({ issuer, audience, pinnedKey }) => ({
    'server.js': `const Fastify = require('fastify');
const fastifyJwt = require('@fastify/jwt');

const app = Fastify();
app.register(fastifyJwt, {
  secret: { public: \`${pinnedKey.trim()}\` },
  verify: { allowedIss: '${issuer}', allowedAud: '${audience}' },
});
app.get('/health', async () => ({ ok: true }));
app.get('/orders', async (request, reply) => {
  try {
    await request.jwtVerify();
  } catch (error) {
    return reply.code(401).send({ error: error.message });
  }
  return request.user;
});

app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
`,
  }),
  migrated: { file: 'server.js', contains: ['fastifyJwtSecret(issuerKeySource)', 'decode: { complete: true }'] },
});
