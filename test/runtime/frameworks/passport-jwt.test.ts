// passport-jwt in a real Express app, with passportJwtKeyProvider.
import express from 'express';
import passport from 'passport';
import { ExtractJwt, Strategy as JwtStrategy } from 'passport-jwt';
import { createServer } from 'node:http';
import { PASSPORT_JWT, passportJwtKeyProvider } from '../../../src/runtime/index.js';
import { describeKeyAdapter, listen } from './support/key-adapter-suite.js';

describeKeyAdapter({
  library: PASSPORT_JWT,
  async start({ source, issuer, audience }) {
    const authenticator = new passport.Passport();
    authenticator.use(
      new JwtStrategy(
        {
          jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
          secretOrKeyProvider: passportJwtKeyProvider(source),
          issuer,
          audience,
          algorithms: ['RS256'],
        },
        (payload: unknown, done: (error: Error | null, user?: unknown) => void) => done(null, payload),
      ),
    );
    const app = express();
    app.use(authenticator.initialize());
    app.get('/orders', authenticator.authenticate('jwt', { session: false }), (req, res) => {
      res.json(req.user);
    });
    const server = await listen(createServer(app));
    return { url: server.url('/orders'), close: server.close };
  },
});
