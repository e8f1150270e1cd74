const fs = require('fs');
const path = require('path');
const jwt = require('jsonwebtoken');

const privateKey = fs.readFileSync(path.join(__dirname, 'private.key'));
const publicKey = fs.readFileSync(path.join(__dirname, 'public.key'));

function issue(user) {
  return jwt.sign({ sub: user.id }, privateKey, { algorithm: 'RS256', expiresIn: '1h', issuer: 'https://api.acme.com' });
}

function authenticate(req, res, next) {
  const token = (req.headers.authorization || '').replace('Bearer ', '');
  jwt.verify(token, publicKey, { algorithms: ['RS256'], issuer: 'https://api.acme.com' }, (err, claims) => {
    if (err) return res.status(401).end();
    req.user = claims;
    next();
  });
}

module.exports = { issue, authenticate };
