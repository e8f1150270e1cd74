const { auth } = require('express-oauth2-jwt-bearer');

module.exports = auth({ issuerBaseURL: 'https://acme.okta.com', audience: 'api://admin', authRequired: false });
