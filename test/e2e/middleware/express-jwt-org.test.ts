// express-jwt at an Okta org authorization server (pinned key, issuer https://acme.okta.com): migrated to
// introspectingExpressMiddleware, the answer on req.auth as express-jwt put the claims.
import { describeMigratedOrgApp } from './support/migrated-org-app.js';

describeMigratedOrgApp({
  library: 'express-jwt',
  packages: ['express', 'express-jwt'],
  files: ({ issuer, audience, pinnedKey }) => ({
    'server.js': `const express = require('express');
const { expressjwt } = require('express-jwt');

const OKTA_ORG_KEY = \`${pinnedKey.trim()}\`;

const app = express();
app.get('/health', (req, res) => res.json({ ok: true }));
app.use('/orders', expressjwt({ secret: OKTA_ORG_KEY, algorithms: ['RS256'], issuer: '${issuer}', audience: '${audience}' }));
app.get('/orders', (req, res) => res.json(req.auth));
app.use((error, req, res, next) => res.status(error.status || error.statusCode || 500).json({ error: error.message }));

app.listen(Number(process.env.PORT), '127.0.0.1');
`,
  }),
  migrated: { file: 'server.js', contains: ["require('oidc-token-guard')", 'introspectingExpressMiddleware({ introspector: tokenIntrospector'] },
});
