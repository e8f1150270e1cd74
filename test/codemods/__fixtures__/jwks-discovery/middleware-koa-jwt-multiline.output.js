// Koa API: the routes under /api need a bearer token.
const Koa = require('koa');
const jwt = require('koa-jwt');
const { createIssuerKeySource, koaJwtSecret } = require('oidc-token-guard');
const issuerKeySource = createIssuerKeySource({ issuer: 'https://acme.okta.com/oauth2/ausorders', audience: 'api://orders' });

const app = new Koa();
app.use(
  jwt({
    secret: koaJwtSecret(issuerKeySource),
    issuer: 'https://acme.okta.com/oauth2/ausorders',
    audience: 'api://orders',
    algorithms: ['RS256'],
  }).unless({ path: [/^\/health/] }),
);

module.exports = app;
