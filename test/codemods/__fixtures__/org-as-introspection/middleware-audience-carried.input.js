// Org sites in middleware that checked the audience: the introspector checks it too, in each library's spelling.
const express = require('express');
const { expressjwt } = require('express-jwt');
const koaJwt = require('koa-jwt');

const ORG = 'https://acme.okta.com';
const OKTA_ORG_KEY = process.env.OKTA_ORG_PUBLIC_KEY;

const app = express();
app.use('/orders', expressjwt({ secret: OKTA_ORG_KEY, algorithms: ['RS256'], issuer: ORG, audience: ORG }));
// Two audiences: either one is accepted, as before.
app.use('/reports', expressjwt({ secret: OKTA_ORG_KEY, algorithms: ['RS256'], issuer: ORG, audience: [ORG, 'https://reports.acme.com'] }));

const checkKoa = koaJwt({ secret: OKTA_ORG_KEY, issuer: ORG, audience: ORG });

module.exports = { app, checkKoa };
