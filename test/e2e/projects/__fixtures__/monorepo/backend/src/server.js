const express = require('express');
const { verifyAccessToken } = require('./verify');

const app = express();
app.get('/health', (req, res) => res.json({ ok: true }));
app.get('/cart', async (req, res) => {
  try {
    const claims = await verifyAccessToken((req.headers.authorization || '').replace(/^Bearer /, ''));
    res.json({ items: [], owner: claims.sub });
  } catch {
    res.status(401).json({ error: 'invalid_token' });
  }
});

app.listen(Number(process.env.PORT || 3000), '127.0.0.1');
