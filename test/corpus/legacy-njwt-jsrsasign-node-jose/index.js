'use strict';

const http = require('http');
const verifyWithNjwt = require('./lib/verify-njwt');
const verifyWithJsrsasign = require('./lib/verify-jsrsasign');
const verifyWithNodeJose = require('./lib/verify-node-jose');

const verifiers = { v1: verifyWithNodeJose, v2: verifyWithJsrsasign, v3: verifyWithNjwt };

http
  .createServer(async (req, res) => {
    const version = req.url.split('/')[1];
    const verify = verifiers[version];
    const token = (req.headers.authorization || '').replace(/^Bearer /, '');
    try {
      const claims = await verify(token);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ sub: claims.sub }));
    } catch (err) {
      res.writeHead(401);
      res.end();
    }
  })
  .listen(process.env.PORT || 8081);
