'use strict';

const express = require('express');
const helmet = require('helmet');
const { requireJwt } = require('./middleware/require-jwt');
const config = require('./config');

const app = express();
app.use(helmet());
app.use(express.json());

app.get('/healthz', (_req, res) => res.send('ok'));

app.get('/v1/orders', requireJwt, async (req, res) => {
  const orders = await req.app.locals.db.orders.findMany({ where: { ownerId: req.user.sub } });
  res.json(orders);
});

app.post('/v1/orders', requireJwt, async (req, res) => {
  const order = await req.app.locals.db.orders.create({ data: { ...req.body, ownerId: req.user.sub } });
  res.status(201).json(order);
});

app.listen(config.port, () => {
  console.log(`orders-api listening on :${config.port}`);
});
