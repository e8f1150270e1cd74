import express from 'express';
import session from 'express-session';
import passport from './auth/saml';

const { consume } = require('./auth/samlify-partner') as { consume: (req: express.Request) => Promise<{ email: string }> };

const app = express();
app.use(express.urlencoded({ extended: false }));
app.use(session({ secret: process.env.SESSION_SECRET!, resave: false, saveUninitialized: false }));
app.use(passport.initialize());
app.use(passport.session());

app.get('/login', passport.authenticate('okta-saml'));
app.post('/login/saml/callback', passport.authenticate('okta-saml', { failureRedirect: '/login' }), (_req, res) => res.redirect('/'));

app.post('/saml/acs', async (req, res) => {
  const user = await consume(req);
  res.json(user);
});

export default app;
