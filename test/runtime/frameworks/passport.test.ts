// IntrospectionStrategy with passport in a real Express app, replacing passport-jwt at an org authorization server site.
import express from 'express';
import passport from 'passport';
import { createServer } from 'node:http';
import { IntrospectionStrategy, PASSPORT } from '../../../src/runtime/index.js';
import { describeIntrospectingMiddleware } from './support/introspection-suite.js';
import { listen } from './support/key-adapter-suite.js';

describeIntrospectingMiddleware({
  framework: PASSPORT,
  property: 'req.user (as passport)',
  async start(introspector) {
    const authenticator = new passport.Passport();
    authenticator.use(new IntrospectionStrategy({ introspector }));
    const app = express();
    app.use(authenticator.initialize());
    app.get('/orders', authenticator.authenticate('oidc-introspection', { session: false }), (req, res) => {
      res.json(req.user);
    });
    app.use(((error, _req, res, _next) => {
      res.status((error as { statusCode?: number }).statusCode ?? 500).json({ error: 'failed' });
    }) as express.ErrorRequestHandler);
    const server = await listen(createServer(app));
    return { url: server.url('/orders'), close: server.close };
  },
});
