'use strict';

const express = require('express');
const { verifyToken } = require('./lib/verify-token');
const { requireAuth } = require('./lib/require-auth');

const app = express();

app.get('/api/me', requireAuth, (req, res) => res.json({ sub: req.auth.sub }));

app.get('/api/tickets', async (req, res) => {
  try {
    const claims = await verifyToken(req);
    res.json({ owner: claims.sub, tickets: [] });
  } catch (err) {
    res.status(401).json({ error: err.message });
  }
});

app.listen(process.env.PORT || 4000);
