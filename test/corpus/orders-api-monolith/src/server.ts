import express from 'express';
import session from 'express-session';
import { requireIdentity } from './auth/id-guard';
import { loginCallback } from './auth/login';
import { requireAccessToken } from './auth/org-verifier';

const { requireLegacyJwt } = require('./auth/legacy') as { requireLegacyJwt: express.RequestHandler };

const app = express();
app.use(session({ secret: process.env.SESSION_SECRET!, resave: false, saveUninitialized: false }));

app.get('/v1/orders', requireLegacyJwt, (_req, res) => res.json([]));
app.get('/v2/orders', requireAccessToken, (_req, res) => res.json([]));
app.get('/v3/reports', requireIdentity, (_req, res) => res.json({ owner: res.locals.email }));
app.get('/login/callback', loginCallback);

app.listen(Number(process.env.PORT ?? 3000));
