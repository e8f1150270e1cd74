const jwt = require('express-jwt');
const { createIssuerKeySource, expressJwtSecret } = require('oidc-token-guard');
const issuerKeySource = createIssuerKeySource({ issuer: 'https://acme.okta.com/oauth2/default', audience: 'api://default', algorithms: ['RS256'] });

module.exports = jwt({ secret: (req, header, payload, done) => { expressJwtSecret(issuerKeySource)(req, { header, payload }).then((key) => done(null, key), done); }, algorithms: ['RS256'], issuer: 'https://acme.okta.com/oauth2/default', audience: 'api://default' });
