// Org sites in middleware that checked the audience: the introspector checks it too, in each library's spelling.
const express = require('express');
const { createTokenIntrospector, introspectingExpressMiddleware, introspectingKoaMiddleware } = require('oidc-token-guard');
// oidc-codemod: review: introspection authenticates a client of the org: set OKTA_CLIENT_SECRET (and OKTA_CLIENT_ID) for it, or switch to private_key_jwt
const tokenIntrospector = createTokenIntrospector({ issuer: 'https://acme.okta.com', clientId: process.env.OKTA_CLIENT_ID, clientSecret: process.env.OKTA_CLIENT_SECRET, audience: 'https://acme.okta.com' });

const ORG = 'https://acme.okta.com';
// oidc-codemod: review: introspection authenticates a client of the org: set OKTA_CLIENT_SECRET (and OKTA_CLIENT_ID) for it, or switch to private_key_jwt; the old audience 'https://reports.acme.com' is kept, but the org authorization server issues its access tokens for the org URL (https://acme.okta.com) only, so the introspector refuses those as the old middleware did: check which tokens the API must accept, and switch to a custom authorization server (run again with --to-custom-as) for an audience of its own
const tokenIntrospector2 = createTokenIntrospector({ issuer: 'https://acme.okta.com', clientId: process.env.OKTA_CLIENT_ID, clientSecret: process.env.OKTA_CLIENT_SECRET, audience: [ORG, 'https://reports.acme.com'] });

const app = express();
app.use('/orders', introspectingExpressMiddleware({ introspector: tokenIntrospector, requestProperty: 'auth', passErrorsToNext: true }));
// Two audiences: either one is accepted, as before.
app.use('/reports', introspectingExpressMiddleware({ introspector: tokenIntrospector2, requestProperty: 'auth', passErrorsToNext: true }));

const checkKoa = introspectingKoaMiddleware({ introspector: tokenIntrospector });

module.exports = { app, checkKoa };
