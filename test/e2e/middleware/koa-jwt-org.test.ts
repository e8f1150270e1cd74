// koa-jwt at an Okta org authorization server: migrated to introspectingKoaMiddleware, the answer on ctx.state.user,
// the paths its .unless() skipped still public.
import { describeMigratedOrgApp } from './support/migrated-org-app.js';

describeMigratedOrgApp({
  library: 'koa-jwt',
  packages: ['koa', 'koa-jwt'],
  files: ({ issuer, audience, pinnedKey }) => ({
    'server.js': `const Koa = require('koa');
const jwt = require('koa-jwt');

const app = new Koa();
app.use(async (ctx, next) => {
  if (ctx.path === '/health') ctx.body = { ok: true };
  else await next();
});
app.use(jwt({ secret: \`${pinnedKey.trim()}\`, issuer: '${issuer}', audience: '${audience}', algorithms: ['RS256'] }).unless({ path: ['/status', /^\\/public\\//] }));
app.use((ctx) => {
  ctx.body = ctx.state.user ?? { public: ctx.path };
});

app.listen(Number(process.env.PORT), '127.0.0.1');
`,
  }),
  migrated: { file: 'server.js', contains: ["introspectingKoaMiddleware({ introspector: tokenIntrospector }).unless({ path: ['/status', /^\\/public\\//] })"] },
  publicPaths: ['/status', '/status?probe=1', '/public/terms'],
});
