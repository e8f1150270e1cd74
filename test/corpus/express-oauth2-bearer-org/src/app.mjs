import express from 'express';
import { auth, requiredScopes } from 'express-oauth2-jwt-bearer';
import config from './config.mjs';

const app = express();

// Okta access tokens for the admin API, validated against the org server's discovery document.
const checkAdminToken = auth({
  issuerBaseURL: config.okta.orgUrl, // expect: oidc/no-org-as-local-verification
  audience: 'api://admin',
});

// Orders: a custom authorization server.
const checkOrdersToken = auth({ issuerBaseURL: config.okta.ordersServer, audience: 'api://orders' });

// Customers sign in with Auth0.
const checkCustomerToken = auth({ issuerBaseURL: config.auth0.tenant, audience: 'https://api.acme.com' });

// Batch jobs use an HMAC secret.
const checkJobToken = auth({ secret: config.internalSecret, tokenSigningAlg: 'HS256', issuer: 'jobs', audience: 'jobs' });

app.get('/admin', checkAdminToken, requiredScopes('admin'), (req, res) => res.json({ ok: true }));
app.get('/orders', checkOrdersToken, (req, res) => res.json([]));
app.get('/me', checkCustomerToken, (req, res) => res.json(req.auth));
app.post('/jobs', checkJobToken, (req, res) => res.status(202).end());

export default app;
