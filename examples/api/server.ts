// The orders API: Express routes behind the auth middleware of each era of this codebase.
import express from 'express';
import { requireJwt } from './auth/legacy-jwt';
import { requireAccessToken } from './auth/okta-verifier';
import { requireUser } from './auth/id-token-guard';
import { verifyAccessToken } from './auth/access-tokens';
import passport from './auth/passport';

const app = express();

app.get('/v1/orders', requireJwt, (_req, res) => res.json([]));
app.get('/v2/orders', requireAccessToken, (_req, res) => res.json([]));
app.get('/reports', requireUser, (_req, res) => res.json({}));
app.get('/admin/users', passport.authenticate('jwt', { session: false }), (_req, res) => res.json([]));
app.get('/v3/orders', async (req, res) => {
  try {
    await verifyAccessToken(req.headers.authorization);
    res.json([]);
  } catch {
    res.status(401).end();
  }
});

app.listen(Number(process.env.PORT ?? 3000));
