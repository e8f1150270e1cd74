import express from 'express';
import { auth, requiredScopes } from 'express-oauth2-jwt-bearer';
import { createTokenIntrospector, introspectingExpressMiddleware } from 'oidc-token-guard';
// oidc-codemod: review: introspection authenticates a client of the org: set OKTA_CLIENT_SECRET (and OKTA_CLIENT_ID) for it, or switch to private_key_jwt; the old audience 'api://admin' is kept, but the org authorization server issues its access tokens for the org URL (https://acme.okta.com) only, so the introspector refuses those as the old middleware did: check which tokens the API must accept, and switch to a custom authorization server (run again with --to-custom-as) for an audience of its own
const tokenIntrospector = createTokenIntrospector({ issuer: 'https://acme.okta.com', clientId: process.env.OKTA_CLIENT_ID, clientSecret: process.env.OKTA_CLIENT_SECRET, audience: 'api://admin' });

const app = express();

const checkAdminToken = introspectingExpressMiddleware({ introspector: tokenIntrospector, requestProperty: 'auth', authResult: true, passErrorsToNext: true });

// A custom authorization server: left as it is.
const checkOrdersToken = auth({ issuerBaseURL: 'https://acme.okta.com/oauth2/default', audience: 'api://orders' });

app.get('/admin', checkAdminToken, requiredScopes('admin'), (req, res) => res.json(req.auth.payload));
app.get('/orders', checkOrdersToken, (req, res) => res.json([]));

export default app;
