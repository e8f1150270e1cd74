import express from 'express';
import { auth, requiredScopes } from 'express-oauth2-jwt-bearer';

const app = express();
app.use(auth({ issuerBaseURL: 'https://acme.auth0.com/', audience: 'https://orders.acme.com', tokenSigningAlg: 'RS256' }));
app.get('/orders', requiredScopes('read:orders'), (_req, res) => res.json([]));
export default app;
