// introspectingExpressMiddleware in a real Express app, replacing express-jwt at an org authorization server site.
import express from 'express';
import { createServer } from 'node:http';
import { EXPRESS, introspectingExpressMiddleware } from '../../../src/runtime/index.js';
import { describeIntrospectingMiddleware } from './support/introspection-suite.js';
import { listen } from './support/key-adapter-suite.js';

describeIntrospectingMiddleware({
  framework: EXPRESS,
  property: 'req.auth (as express-jwt 8)',
  async start(introspector) {
    const app = express();
    app.get('/orders', introspectingExpressMiddleware({ introspector, requestProperty: 'auth' }), (req, res) => {
      res.json((req as unknown as { auth: unknown }).auth);
    });
    const server = await listen(createServer(app));
    return { url: server.url('/orders'), close: server.close };
  },
});

describeIntrospectingMiddleware({
  framework: 'node:http, Connect-style (req, res, next)',
  property: 'req.user',
  async start(introspector) {
    const middleware = introspectingExpressMiddleware({ introspector, requestProperty: 'user' });
    // No Express: the middleware uses only node's request and response, as Connect apps have them.
    const server = await listen(
      createServer((req, res) => {
        middleware(req, res, (error?: unknown) => {
          if (error) {
            res.writeHead(500).end();
            return;
          }
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify((req as unknown as { user: unknown }).user));
        });
      }),
    );
    return { url: server.url('/orders'), close: server.close };
  },
});

describeIntrospectingMiddleware({
  framework: 'Express with passErrorsToNext, answered by Express\'s own final handler',
  property: 'req.auth',
  async start(introspector) {
    const app = express();
    app.get('/orders', introspectingExpressMiddleware({ introspector, passErrorsToNext: true }), (req, res) => {
      res.json((req as unknown as { auth: unknown }).auth);
    });
    const server = await listen(createServer(app));
    return { url: server.url('/orders'), close: server.close };
  },
});
