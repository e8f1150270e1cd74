// @hapi/jwt in a real hapi server: `keys` pinned to a PEM, migrated to hapiJwtKeys(issuerKeySource).
import { describeMigratedApp } from './support/migrated-app.js';

describeMigratedApp({
  library: '@hapi/jwt',
  packages: ['@hapi/hapi', '@hapi/jwt'],
  files: ({ issuer, audience, pinnedKey }) => ({
    'server.js': `const Hapi = require('@hapi/hapi');
const Jwt = require('@hapi/jwt');

const OKTA_PUBLIC_KEY = \`${pinnedKey.trim()}\`;

async function start() {
  const server = Hapi.server({ port: Number(process.env.PORT), host: '127.0.0.1' });
  await server.register(Jwt);
  server.auth.strategy('okta', 'jwt', {
    keys: { key: OKTA_PUBLIC_KEY, algorithms: ['RS256'] },
    verify: { aud: '${audience}', iss: '${issuer}', sub: false, nbf: true, exp: true },
    validate: (artifacts) => ({ isValid: true, credentials: artifacts.decoded.payload }),
  });
  server.route({ method: 'GET', path: '/health', options: { auth: false }, handler: () => ({ ok: true }) });
  server.route({ method: 'GET', path: '/orders', options: { auth: 'okta' }, handler: (request) => request.auth.credentials });
  await server.start();
}

start();
`,
  }),
  migrated: { file: 'server.js', contains: ['keys: hapiJwtKeys(issuerKeySource)'] },
});
