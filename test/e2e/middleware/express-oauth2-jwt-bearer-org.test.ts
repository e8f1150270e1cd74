// express-oauth2-jwt-bearer at an Okta org authorization server: `auth({ issuer, audience, publicKey })` with the org's
// key pinned, `requiredScopes` after it, a handler reading req.auth; migrated to the runtime's introspecting Express
// middleware, which puts `{ payload, header, token }` on req.auth as auth() did.
import { describeMigratedOrgApp } from './support/migrated-org-app.js';

describeMigratedOrgApp({
  library: 'express-oauth2-jwt-bearer',
  packages: ['express', 'express-oauth2-jwt-bearer'],
  files: ({ issuer, audience, pinnedKey }) => ({
    'server.js': `const express = require('express');
const { auth, requiredScopes } = require('express-oauth2-jwt-bearer');

const app = express();
app.get('/health', (req, res) => res.json({ ok: true }));
app.get(
  '/orders',
  auth({
    issuer: '${issuer}',
    audience: '${audience}',
    publicKey: \`${pinnedKey.trim()}\`,
    tokenSigningAlg: 'RS256',
  }),
  (req, res) => res.json({ ...req.auth.payload, tokenSeen: req.auth.token === req.headers.authorization.slice(7) }),
);
app.get('/reports', auth({ issuer: '${issuer}', audience: '${audience}', publicKey: \`${pinnedKey.trim()}\` }), requiredScopes('reports'), (req, res) => res.json([]));
app.use((error, req, res, next) => res.status(error.status || error.statusCode || 500).json({ error: error.message }));

app.listen(Number(process.env.PORT), '127.0.0.1');
`,
  }),
  migrated: { file: 'server.js', contains: ["introspectingExpressMiddleware({ introspector: tokenIntrospector, requestProperty: 'auth', authResult: true, passErrorsToNext: true })"] },
  credentials: { tokenSeen: true },
});
