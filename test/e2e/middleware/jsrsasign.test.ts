// jsrsasign in a node:http server: `KJUR.jws.JWS.verifyJWT(token, PEM, acceptField)` answers true or false and has no
// key hook; migrated to the runtime verifier, whose answer keeps the boolean shape.
import { describeMigratedApp } from './support/migrated-app.js';

describeMigratedApp({
  library: 'jsrsasign',
  packages: ['jsrsasign'],
  files: ({ issuer, audience, pinnedKey }) => ({
    'server.js': `const http = require('node:http');
const { KJUR, KEYUTIL, b64utoutf8 } = require('jsrsasign');

const PUBLIC_KEY = \`${pinnedKey.trim()}\`;

function claimsOf(request) {
  const token = (request.headers.authorization || '').replace(/^Bearer /, '');
  const valid = KJUR.jws.JWS.verifyJWT(token, KEYUTIL.getKey(PUBLIC_KEY), { alg: ['RS256'], iss: ['${issuer}'], aud: ['${audience}'], verifyAt: KJUR.jws.IntDate.getNow() });
  if (!valid) throw new Error('invalid token');
  return JSON.parse(b64utoutf8(token.split('.')[1]));
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
  cliArgs: ({ issuer }) => ['--issuer', issuer],
  migrated: { file: 'server.js', contains: ['accessTokenVerifier.verify(token).then(() => true, () => false)'] },
});
