// koa-jwt in a real Koa app, with koaJwtSecret.
import Koa from 'koa';
import jwt from 'koa-jwt';
import { createServer } from 'node:http';
import { KOA_JWT, koaJwtSecret } from '../../../src/runtime/index.js';
import { describeKeyAdapter, listen } from './support/key-adapter-suite.js';

describeKeyAdapter({
  library: KOA_JWT,
  async start({ source, issuer, audience }) {
    const app = new Koa();
    app.use(jwt({ secret: koaJwtSecret(source), issuer, audience, algorithms: ['RS256'] }) as unknown as Koa.Middleware);
    app.use((ctx) => {
      ctx.body = ctx.state.user;
    });
    const server = await listen(createServer(app.callback()));
    return { url: server.url('/orders'), close: server.close };
  },
});
