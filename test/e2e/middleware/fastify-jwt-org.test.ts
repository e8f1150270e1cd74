// @fastify/jwt at an Okta org authorization server (pinned key, issuer https://acme.okta.com): migrated to the runtime's
// introspectingFastifyJwt plugin; the route keeps calling request.jwtVerify() and reading request.user, and refusals
// are answered by Fastify's own error handler (the error's statusCode and headers).
import { describeMigratedOrgApp } from './support/migrated-org-app.js';

describeMigratedOrgApp({
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
app.get('/orders', async (request) => {
  await request.jwtVerify();
  return request.user;
});

app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
`,
  }),
  migrated: { file: 'server.js', contains: ['app.register(introspectingFastifyJwt, { introspector: tokenIntrospector })', 'await request.jwtVerify();'] },
});
