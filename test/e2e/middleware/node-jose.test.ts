// node-jose in a node:http server: `JWS.createVerify(key).verify(token)` checks the signature only, the app reads
// the payload bytes and checks the claims itself; migrated to the runtime verifier, the result kept as `{ payload }`.
import { describeMigratedApp } from './support/migrated-app.js';

describeMigratedApp({
  library: 'node-jose',
  packages: ['node-jose'],
  files: ({ issuer, audience, pinnedKey }) => ({
    'server.js': `const http = require('node:http');
const jose = require('node-jose');

const PUBLIC_KEY = \`${pinnedKey.trim()}\`;

async function claimsOf(request) {
  const token = (request.headers.authorization || '').replace(/^Bearer /, '');
  const verified = await jose.JWS.createVerify(await jose.JWK.asKey(PUBLIC_KEY, 'pem'), { algorithms: ['RS256'] }).verify(token);
  const claims = JSON.parse(verified.payload.toString('utf8'));
  if (claims.iss !== '${issuer}' || claims.aud !== '${audience}' || claims.exp * 1000 < Date.now()) throw new Error('claims refused');
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
  cliArgs: ({ issuer, audience }) => ['--issuer', issuer, '--audience', audience],
  migrated: { file: 'server.js', contains: ['accessTokenVerifier.verify(token).then((claims) => ({ payload: Buffer.from(JSON.stringify(claims)) }))'] },
});
