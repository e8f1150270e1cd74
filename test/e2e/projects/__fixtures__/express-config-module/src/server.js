const express = require('express');
const { authenticate } = require('./auth');

const app = express();
app.get('/health', (req, res) => res.json({ ok: true }));
app.get('/orders', authenticate, (req, res) => res.json({ orders: [], caller: req.user.sub }));

const port = Number(process.env.PORT || 3000);
app.listen(port, '127.0.0.1', () => console.log('orders-api listening on ' + port));
