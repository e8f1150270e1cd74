// fast-jwt at an Okta org authorization server, in a node:http server: the sync verifier with a pinned key becomes an
// introspecting function, and the CLI makes the function that calls it async (its caller already settles promises).
import { describeMigratedOrgApp } from './support/migrated-org-app.js';

describeMigratedOrgApp({
  library: 'fast-jwt',
  packages: ['fast-jwt'],
  files: ({ issuer, audience, pinnedKey }) => ({
    'server.js': `const http = require('node:http');
const { createVerifier } = require('fast-jwt');

const verifyToken = createVerifier({ key: \`${pinnedKey.trim()}\`, allowedIss: '${issuer}', allowedAud: '${audience}', algorithms: ['RS256'] });

function claimsOf(request) {
  const token = (request.headers.authorization || '').replace(/^Bearer /, '');
  return verifyToken(token);
}

function handle(request, response) {
  if (request.url === '/health') return response.writeHead(200).end('{"ok":true}');
  try {
    const claims = claimsOf(request);
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(claims));
  } catch (error) {
    response.writeHead(error.statusCode === 503 ? 503 : 401, { 'content-type': 'application/json' }).end(JSON.stringify({ error: error.message }));
  }
}

http.createServer((request, response) => Promise.resolve(handle(request, response))).listen(Number(process.env.PORT), '127.0.0.1');
`,
  }),
  migrated: { file: 'server.js', contains: ['const verifyToken = (token) => tokenIntrospector.introspect(token);', 'async function claimsOf', 'await claimsOf(request)'] },
});
