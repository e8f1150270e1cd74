// koa-jwt in a real Koa app: `secret` pinned to a PEM, migrated to koaJwtSecret(issuerKeySource).
import { describeMigratedApp } from './support/migrated-app.js';

describeMigratedApp({
  library: 'koa-jwt',
  packages: ['koa', 'koa-jwt'],
  files: ({ issuer, pinnedKey }) => ({
    'server.js': `const Koa = require('koa');
const jwt = require('koa-jwt');

const OKTA_PUBLIC_KEY = \`${pinnedKey.trim()}\`;

const app = new Koa();
app.use(jwt({ secret: OKTA_PUBLIC_KEY, issuer: '${issuer}' }).unless({ path: [/^\\/health/] }));
app.use((ctx) => {
  ctx.body = ctx.state.user;
});

app.listen(Number(process.env.PORT), '127.0.0.1');
`,
  }),
  migrated: { file: 'server.js', contains: ['koaJwtSecret(issuerKeySource)'] },
  cliArgs: ({ audience }) => ['--audience', audience],
});
