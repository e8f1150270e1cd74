// fast-jwt in a node:http server: a sync verifier with a pinned key, migrated to an async one with fastJwtKey(issuerKeySource),
// the handler that calls it made async by the CLI.
import { describeMigratedApp } from './support/migrated-app.js';

describeMigratedApp({
  library: 'fast-jwt',
  packages: ['fast-jwt'],
  files: ({ issuer, audience, pinnedKey }) => ({
    'server.js': `const http = require('node:http');
const { createVerifier } = require('fast-jwt');

const verifyToken = createVerifier({ key: \`${pinnedKey.trim()}\`, allowedIss: '${issuer}', allowedAud: '${audience}' });

function claimsOf(request) {
  const token = (request.headers.authorization || '').replace(/^Bearer /, '');
  return verifyToken(token);
}

function handle(request, response) {
  try {
    const claims = claimsOf(request);
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(claims));
  } catch (error) {
    response.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ error: error.message }));
  }
}

http.createServer((request, response) => Promise.resolve(handle(request, response))).listen(Number(process.env.PORT), '127.0.0.1');
`,
  }),
  migrated: { file: 'server.js', contains: ['fastJwtKey(issuerKeySource)', 'async function claimsOf'] },
});
