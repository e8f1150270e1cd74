import express from 'express';
import { auth, requiredScopes } from 'express-oauth2-jwt-bearer';
import { createTokenIntrospector, introspectingExpressMiddleware } from 'oidc-token-guard';
// oidc-codemod: review: introspection authenticates a client of the org: set OKTA_CLIENT_SECRET (and OKTA_CLIENT_ID) for it, or switch to private_key_jwt
const tokenIntrospector = createTokenIntrospector({ issuer: 'https://acme.okta.com', clientId: process.env.OKTA_CLIENT_ID, clientSecret: process.env.OKTA_CLIENT_SECRET });

const app = express();

const checkAdminToken = introspectingExpressMiddleware({ introspector: tokenIntrospector, requestProperty: 'auth', authResult: true, passErrorsToNext: true });

// A custom authorization server: left as it is.
const checkOrdersToken = auth({ issuerBaseURL: 'https://acme.okta.com/oauth2/default', audience: 'api://orders' });

app.get('/admin', checkAdminToken, requiredScopes('admin'), (req, res) => res.json(req.auth.payload));
app.get('/orders', checkOrdersToken, (req, res) => res.json([]));

export default app;
