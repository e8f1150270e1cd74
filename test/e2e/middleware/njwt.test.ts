// njwt in a node:http server: `nJwt.verify(token, PEM, 'RS256')` returns the token with its claims in `body`;
// migrated to the runtime verifier, awaited, the result kept as `{ body }`.
import { describeMigratedApp } from './support/migrated-app.js';

describeMigratedApp({
  library: 'njwt',
  packages: ['njwt'],
  files: ({ issuer, pinnedKey }) => ({
    'server.js': `const http = require('node:http');
const nJwt = require('njwt');

const PUBLIC_KEY = \`${pinnedKey.trim()}\`;

function claimsOf(request) {
  const token = (request.headers.authorization || '').replace(/^Bearer /, '');
  const verified = nJwt.verify(token, PUBLIC_KEY, 'RS256');
  if (verified.body.iss !== '${issuer}') throw new Error('wrong issuer');
  return verified.body;
}

http
  .createServer(async (request, response) => {
    try {
      const claims = await claimsOf(request);
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(claims));
    } catch (error) {
      response.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ error: error.message }));
    }
  })
  .listen(Number(process.env.PORT), '127.0.0.1');
`,
  }),
  migrated: { file: 'server.js', contains: ['accessTokenVerifier.verify(token).then((body) => ({ body }))'] },
  cliArgs: ({ issuer, audience }) => ['--issuer', issuer, '--audience', audience],
});
