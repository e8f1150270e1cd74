// aws-jwt-verify at an Okta org authorization server: `JwtRsaVerifier.create({ issuer, audience, jwksUri })` with the
// org's key set pinned by `cacheJwks()`, in a node:http server; migrated to the runtime's introspectingJwtVerifier, the
// server's `await verifier.verify(token)` unchanged.
import { describeMigratedOrgApp } from './support/migrated-org-app.js';

describeMigratedOrgApp({
  library: 'aws-jwt-verify',
  packages: ['aws-jwt-verify'],
  files: ({ issuer, audience, pinnedJwk }) => ({
    'server.js': `const http = require('node:http');
const { JwtRsaVerifier } = require('aws-jwt-verify');

const verifier = JwtRsaVerifier.create({ issuer: '${issuer}', audience: '${audience}', jwksUri: '${issuer}/oauth2/v1/keys' });
verifier.cacheJwks({ keys: [${JSON.stringify(pinnedJwk)}] });

http
  .createServer(async (request, response) => {
    if (request.url === '/health') return response.writeHead(200).end('ok');
    try {
      const claims = await verifier.verify((request.headers.authorization || '').replace(/^Bearer /, ''));
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ...claims, checkedBy: 'server' }));
    } catch (error) {
      response.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ error: error.message }));
    }
  })
  .listen(Number(process.env.PORT), '127.0.0.1');
`,
  }),
  migrated: { file: 'server.js', contains: ['const verifier = introspectingJwtVerifier({ introspector: tokenIntrospector });', 'await verifier.verify('] },
  credentials: { checkedBy: 'server' },
});
