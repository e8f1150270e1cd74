// passport-jwt in a real Express app: `secretOrKey` pinned to a PEM, migrated to secretOrKeyProvider: passportJwtKeyProvider(issuerKeySource).
import { describeMigratedApp } from './support/migrated-app.js';

describeMigratedApp({
  library: 'passport-jwt',
  packages: ['express', 'passport', 'passport-jwt'],
  files: ({ issuer, audience, pinnedKey }) => ({
    'server.js': `const express = require('express');
const passport = require('passport');
const { ExtractJwt, Strategy: JwtStrategy } = require('passport-jwt');

const SIGNING_KEY = \`${pinnedKey.trim()}\`;

passport.use(
  new JwtStrategy(
    {
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: SIGNING_KEY,
      issuer: '${issuer}',
      audience: '${audience}',
    },
    (claims, done) => done(null, claims),
  ),
);

const app = express();
app.use(passport.initialize());
app.get('/health', (req, res) => res.json({ ok: true }));
app.get('/orders', passport.authenticate('jwt', { session: false }), (req, res) => res.json(req.user));

app.listen(Number(process.env.PORT), '127.0.0.1');
`,
  }),
  migrated: { file: 'server.js', contains: ["require('oidc-token-guard')", 'secretOrKeyProvider: passportJwtKeyProvider(issuerKeySource)'] },
});
