// jwt-simple in a node:http server: `decode(token, PEM, false, 'RS256')` has no key hook; migrated to the runtime
// verifier, awaited, with the function around it made async by the CLI.
import { describeMigratedApp } from './support/migrated-app.js';

describeMigratedApp({
  library: 'jwt-simple',
  packages: ['jwt-simple'],
  files: ({ issuer, pinnedKey }) => ({
    'server.js': `const http = require('node:http');
const jwt = require('jwt-simple');

const PUBLIC_KEY = \`${pinnedKey.trim()}\`;
const ISSUER = '${issuer}';

function claimsOf(request) {
  const token = (request.headers.authorization || '').replace(/^Bearer /, '');
  const claims = jwt.decode(token, PUBLIC_KEY, false, 'RS256');
  if (claims.iss !== ISSUER) throw new Error('wrong issuer');
  return claims;
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
  migrated: { file: 'server.js', contains: ['await accessTokenVerifier.verify(token)', 'async function claimsOf'] },
  cliArgs: ({ issuer, audience }) => ['--issuer', issuer, '--audience', audience],
});
