import { expressjwt } from 'express-jwt';
import { createIssuerKeySource, expressJwtSecret } from 'oidc-token-guard';
// oidc-codemod: review: the old verification did not check the audience, so api://default, the default custom authorization server's, is assumed: run again with --audience if the API's is another
const issuerKeySource = createIssuerKeySource({ issuer: 'https://acme.okta.com/oauth2/default', audience: 'api://default', algorithms: ['RS256'] });

export const requireJwt = expressjwt({ secret: expressJwtSecret(issuerKeySource), algorithms: ['RS256'], issuer: 'https://acme.okta.com/oauth2/default', audience: 'api://default' });
