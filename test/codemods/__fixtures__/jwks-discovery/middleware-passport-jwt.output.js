const { Strategy, ExtractJwt } = require('passport-jwt');
const { createIssuerKeySource, passportJwtKeyProvider } = require('oidc-token-guard');
// oidc-codemod: review: the old verification did not check the audience, so api://default, the default custom authorization server's, is assumed: run again with --audience if the API's is another
const issuerKeySource = createIssuerKeySource({ issuer: 'https://acme.okta.com/oauth2/default', audience: 'api://default' });

passport.use(new Strategy({ jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKeyProvider: passportJwtKeyProvider(issuerKeySource), issuer: 'https://acme.okta.com/oauth2/default', audience: 'api://default', algorithms: ['RS256'] }, (claims, done) => done(null, claims)));
