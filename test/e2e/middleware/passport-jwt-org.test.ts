// A passport-jwt strategy at an Okta org authorization server: migrated to the runtime's IntrospectionStrategy, named
// 'jwt' as before, the old verify callback still deciding what lands on req.user.
import { describeMigratedOrgApp } from './support/migrated-org-app.js';

describeMigratedOrgApp({
  library: 'passport-jwt',
  packages: ['express', 'passport', 'passport-jwt'],
  files: ({ issuer, audience, pinnedKey }) => ({
    'server.js': `const express = require('express');
const passport = require('passport');
const { ExtractJwt, Strategy: JwtStrategy } = require('passport-jwt');

passport.use(
  new JwtStrategy(
    {
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: \`${pinnedKey.trim()}\`,
      issuer: '${issuer}',
      audience: '${audience}',
    },
    (claims, done) => done(null, { ...claims, checkedBy: 'verify callback' }),
  ),
);

const app = express();
app.use(passport.initialize());
app.get('/health', (req, res) => res.json({ ok: true }));
app.get('/orders', passport.authenticate('jwt', { session: false }), (req, res) => res.json(req.user));
app.use((error, req, res, next) => res.status(error.status || error.statusCode || 500).json({ error: error.message }));

app.listen(Number(process.env.PORT), '127.0.0.1');
`,
  }),
  migrated: { file: 'server.js', contains: ["new IntrospectionStrategy(", "{ introspector: tokenIntrospector, name: 'jwt' }"] },
  credentials: { checkedBy: 'verify callback' },
});
