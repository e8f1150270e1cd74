import express from 'express';
import { requireUser } from './middleware/require-user';

const legacyAuth = require('./middleware/legacy-auth') as express.RequestHandler;

export const router = express.Router();

router.get('/reports', requireUser, (_req, res) => {
  res.json({ owner: res.locals.user.email, reports: [] });
});

router.get('/v1/reports', legacyAuth, (req, res) => {
  res.json({ owner: (req as unknown as { jwt: { claims: { sub: string } } }).jwt.claims.sub, reports: [] });
});
