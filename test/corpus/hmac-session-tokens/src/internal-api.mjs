import Koa from 'koa';
import koaJwt from 'koa-jwt';
import express from 'express';
import { expressjwt } from 'express-jwt';

// Cron jobs call the internal API with a token signed with a shared secret.
const CRON_SHARED_SECRET = 'cron-to-api-3a8f0d2c4e6b';

export const internalKoa = new Koa();
internalKoa.use(koaJwt({ secret: CRON_SHARED_SECRET, algorithms: ['HS256'] }));
internalKoa.use((ctx) => {
  ctx.body = { job: ctx.state.user.job, ok: true };
});

export const metricsApp = express();
metricsApp.use(expressjwt({ secret: 'metrics-scraper-secret', algorithms: ['HS256'] }));
metricsApp.get('/metrics', (_req, res) => res.type('text/plain').send('up 1\n'));
