import express from 'express';
import { expressjwt } from 'express-jwt';
import jwksRsa from 'jwks-rsa';
import { AUTH0_DOMAIN, AUTH0_ISSUER } from './auth0';

const app = express();
app.use(
  expressjwt({
    secret: jwksRsa.expressJwtSecret({ jwksUri: `${AUTH0_ISSUER}.well-known/jwks.json`, cache: true, rateLimit: true }),
    issuer: AUTH0_ISSUER,
    audience: `https://${AUTH0_DOMAIN}/userinfo`, // expect: oidc/no-foreign-token-verification
    algorithms: ['RS256'],
  }),
);
app.get('/api/me', (req, res) => res.json(req.auth));
export default app;
