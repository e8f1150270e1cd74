'use strict';
const fs = require('fs');
const path = require('path');
const jwt = require('jsonwebtoken');

const publicKey = fs.readFileSync(path.join(__dirname, 'keys', 'okta.pem'), 'utf8');

module.exports = function requireJwt(req, res, next) {
  const token = (req.headers.authorization || '').replace(/^Bearer /, '');
  jwt.verify(token, publicKey, { issuer: process.env.OKTA_ISSUER, algorithms: ['RS256'] }, (err, claims) => {
    if (err) return res.status(401).json({ error: 'invalid_token' });
    req.user = claims;
    next();
  });
};
