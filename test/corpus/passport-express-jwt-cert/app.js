const express = require('express');
const passport = require('./auth/passport');
const adminRouter = require('./auth/admin-jwt');

const app = express();
app.use(passport.initialize());

app.get('/api/profile', passport.authenticate('jwt', { session: false }), (req, res) => {
  res.json(req.user);
});

app.use('/admin', adminRouter);

app.use((err, _req, res, _next) => {
  if (err.name === 'UnauthorizedError') return res.status(401).json({ error: 'invalid_token' });
  return res.status(500).json({ error: 'server_error' });
});

module.exports = app;
