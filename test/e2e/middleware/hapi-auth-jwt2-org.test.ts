// hapi-auth-jwt2 at an Okta org authorization server: migrated to introspectionHapiStrategy under the same strategy
// name the route refers to, the old validate still naming what lands on request.auth.credentials.
import { describeMigratedOrgApp } from './support/migrated-org-app.js';

describeMigratedOrgApp({
  library: 'hapi-auth-jwt2',
  packages: ['@hapi/hapi', 'hapi-auth-jwt2'],
  files: ({ issuer, audience, pinnedKey }) => ({
    'server.js': `const Hapi = require('@hapi/hapi');

const OKTA_ORG_KEY = \`${pinnedKey.trim()}\`;

async function start() {
  const server = Hapi.server({ port: Number(process.env.PORT), host: '127.0.0.1' });
  await server.register(require('hapi-auth-jwt2'));
  server.auth.strategy('okta', 'jwt', {
    key: OKTA_ORG_KEY,
    validate: async (decoded) => ({ isValid: true, credentials: { ...decoded, checkedBy: 'validate' } }),
    verifyOptions: { issuer: '${issuer}', audience: '${audience}', algorithms: ['RS256'] },
  });
  server.route({ method: 'GET', path: '/health', options: { auth: false }, handler: () => ({ ok: true }) });
  server.route({ method: 'GET', path: '/orders', options: { auth: 'okta' }, handler: (request) => request.auth.credentials });
  await server.start();
}

start();
`,
  }),
  migrated: { file: 'server.js', contains: ["introspectionHapiStrategy(server, 'okta', {", "validate: async (decoded) => ({ isValid: true, credentials: { ...decoded, checkedBy: 'validate' } })"] },
  credentials: { checkedBy: 'validate' },
});
