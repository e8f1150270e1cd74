const express = require('express');
const authRequired = require('../middleware/authRequired');
const { port } = require('../config/okta');

const router = express.Router();

router.get('/api/messages', authRequired, (req, res) => {
  res.json({ messages: [{ date: new Date(), text: `served on port ${port} to ${req.jwt.claims.sub}` }] });
});

module.exports = router;
