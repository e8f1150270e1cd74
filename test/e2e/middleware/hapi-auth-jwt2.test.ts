// hapi-auth-jwt2 in a real hapi server: `key` pinned to a PEM, migrated to hapiAuthJwt2Key(issuerKeySource) with
// complete: true, the old validate still seeing the payload, which stays the credentials.
import { describeMigratedApp } from './support/migrated-app.js';

describeMigratedApp({
  library: 'hapi-auth-jwt2',
  packages: ['@hapi/hapi', 'hapi-auth-jwt2'],
  files: ({ issuer, audience, pinnedKey }) => ({
    'server.js': `const Hapi = require('@hapi/hapi');
const HapiAuthJwt2 = require('hapi-auth-jwt2');

const OKTA_PUBLIC_KEY = \`${pinnedKey.trim()}\`;

async function start() {
  const server = Hapi.server({ port: Number(process.env.PORT), host: '127.0.0.1' });
  await server.register(HapiAuthJwt2);
  server.auth.strategy('jwt', 'jwt', {
    key: OKTA_PUBLIC_KEY,
    validate: async (claims) => ({ isValid: typeof claims.sub === 'string' }),
    verifyOptions: { algorithms: ['RS256'], issuer: '${issuer}', audience: '${audience}' },
  });
  server.route({ method: 'GET', path: '/health', options: { auth: false }, handler: () => ({ ok: true }) });
  server.route({ method: 'GET', path: '/orders', options: { auth: 'jwt' }, handler: (request) => request.auth.credentials });
  await server.start();
}

start();
`,
  }),
  migrated: { file: 'server.js', contains: ['key: hapiAuthJwt2Key(issuerKeySource)', 'complete: true'] },
});
