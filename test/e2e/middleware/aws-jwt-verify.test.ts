// aws-jwt-verify in a node:http server: `JwtVerifier.create({ issuer, audience, jwksUri })` with `cacheJwks()` of a
// key set pasted into the source; the migration removes the pinned cache, and the verifier fetches the issuer's JWKS.
import { describeMigratedApp } from './support/migrated-app.js';

describeMigratedApp({
  library: 'aws-jwt-verify',
  packages: ['aws-jwt-verify'],
  pinnedKid: true,
  refetchWaitMs: 10_500,
  files: ({ issuer, audience, pinnedJwk }) => ({
    'server.js': `const http = require('node:http');
const { JwtVerifier } = require('aws-jwt-verify');

// Pasted during an outage, "temporarily".
const PINNED_JWKS = { keys: [${JSON.stringify(pinnedJwk)}] };

const verifier = JwtVerifier.create({ issuer: '${issuer}', audience: '${audience}', jwksUri: '${issuer}/jwks' });
verifier.cacheJwks(PINNED_JWKS);

http
  .createServer(async (request, response) => {
    try {
      const claims = await verifier.verify((request.headers.authorization || '').replace(/^Bearer /, ''));
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(claims));
    } catch (error) {
      response.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ error: error.message }));
    }
  })
  .listen(Number(process.env.PORT), '127.0.0.1');
`,
  }),
  migrated: { file: 'server.js', contains: ['JwtVerifier.create('], lacks: ['cacheJwks', 'PINNED_JWKS'] },
});
