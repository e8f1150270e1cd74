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
    app.get('/orders', introspectingExpressMiddleware({ introspector, requestProperty: 'auth' }) as express.RequestHandler, (req, res) => {
      res.json((req as unknown as { auth: unknown }).auth);
    });
    const server = await listen(createServer(app));
    return { url: server.url('/orders'), close: server.close };
  },
});
