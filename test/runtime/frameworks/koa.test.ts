// introspectingKoaMiddleware in a real Koa app, replacing koa-jwt at an org authorization server site.
import Koa from 'koa';
import { createServer } from 'node:http';
import { introspectingKoaMiddleware, KOA } from '../../../src/runtime/index.js';
import { describeIntrospectingMiddleware } from './support/introspection-suite.js';
import { listen } from './support/key-adapter-suite.js';

describeIntrospectingMiddleware({
  framework: KOA,
  property: 'ctx.state.user (as koa-jwt)',
  async start(introspector) {
    const app = new Koa();
    app.use(introspectingKoaMiddleware({ introspector }) as unknown as Koa.Middleware);
    app.use((ctx) => {
      ctx.body = ctx.state.user;
    });
    const server = await listen(createServer(app.callback()));
    return { url: server.url('/orders'), close: server.close };
  },
});
