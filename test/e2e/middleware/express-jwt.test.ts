// express-jwt 8 in a real Express app: `secret` pinned to a PEM, migrated to expressJwtSecret(issuerKeySource).
import { describeMigratedApp } from './support/migrated-app.js';

describeMigratedApp({
  library: 'express-jwt',
  packages: ['express', 'express-jwt'],
  files: ({ issuer, pinnedKey }) => ({
    'server.js': `const express = require('express');
const { expressjwt } = require('express-jwt');

const OKTA_PUBLIC_KEY = \`${pinnedKey.trim()}\`;

const app = express();
app.get('/health', (req, res) => res.json({ ok: true }));
app.use(
  '/orders',
  expressjwt({
    secret: OKTA_PUBLIC_KEY,
    algorithms: ['RS256'],
    issuer: '${issuer}',
  }),
);
app.get('/orders', (req, res) => res.json(req.auth));
app.use((error, req, res, next) => res.status(error.status || error.statusCode || 500).json({ error: error.message }));

app.listen(Number(process.env.PORT), '127.0.0.1');
`,
  }),
  migrated: { file: 'server.js', contains: ["require('oidc-token-guard')", 'expressJwtSecret(issuerKeySource)'] },
  cliArgs: ({ audience }) => ['--audience', audience],
});
