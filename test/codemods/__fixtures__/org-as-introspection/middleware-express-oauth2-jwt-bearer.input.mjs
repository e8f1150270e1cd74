import express from 'express';
import { auth, requiredScopes } from 'express-oauth2-jwt-bearer';

const app = express();

const checkAdminToken = auth({
  issuerBaseURL: 'https://acme.okta.com',
  audience: 'api://admin',
});

// A custom authorization server: left as it is.
const checkOrdersToken = auth({ issuerBaseURL: 'https://acme.okta.com/oauth2/default', audience: 'api://orders' });

app.get('/admin', checkAdminToken, requiredScopes('admin'), (req, res) => res.json(req.auth.payload));
app.get('/orders', checkOrdersToken, (req, res) => res.json([]));

export default app;
