// @hapi/jwt at an Okta org authorization server: migrated to introspectionHapiStrategy under the same strategy name;
// the old validate(artifacts) receives the introspection answer as artifacts.decoded.payload.
import { describeMigratedOrgApp } from './support/migrated-org-app.js';

describeMigratedOrgApp({
  library: '@hapi/jwt',
  packages: ['@hapi/hapi', '@hapi/jwt'],
  files: ({ issuer, audience, pinnedKey }) => ({
    'server.js': `const Hapi = require('@hapi/hapi');
const Jwt = require('@hapi/jwt');

async function start() {
  const server = Hapi.server({ port: Number(process.env.PORT), host: '127.0.0.1' });
  await server.register(Jwt);
  server.auth.strategy('okta', 'jwt', {
    keys: { key: \`${pinnedKey.trim()}\`, algorithms: ['RS256'] },
    verify: { aud: '${audience}', iss: '${issuer}', sub: false },
    validate: (artifacts) => ({ isValid: true, credentials: { ...artifacts.decoded.payload, checkedBy: 'validate' } }),
  });
  server.route({ method: 'GET', path: '/health', options: { auth: false }, handler: () => ({ ok: true }) });
  server.route({ method: 'GET', path: '/orders', options: { auth: 'okta' }, handler: (request) => request.auth.credentials });
  await server.start();
}

start();
`,
  }),
  migrated: { file: 'server.js', contains: ["introspectionHapiStrategy(server, 'okta', {", '({ token, decoded: { payload: claims } }, request, h)'] },
  credentials: { checkedBy: 'validate' },
});
