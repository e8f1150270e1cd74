const { createAccessTokenVerifier } = require('oidc-token-guard');
// oidc-codemod: review: the issuer is not in the code: set OIDC_ISSUER, or run again with --issuer; the old verification did not check the audience: set OIDC_AUDIENCE to the API's audience, or run again with --audience
const accessTokenVerifier = createAccessTokenVerifier({ issuer: process.env.OIDC_ISSUER, audience: process.env.OIDC_AUDIENCE, algorithms: ['RS256'] });
// oidc-codemod: review: the issuer is not in the code: set OIDC_ISSUER, or run again with --issuer; the old verification did not check the audience: set OIDC_AUDIENCE to the API's audience, or run again with --audience
const accessTokenVerifier2 = createAccessTokenVerifier({ issuer: process.env.OIDC_ISSUER, audience: process.env.OIDC_AUDIENCE });

exports.withNjwt = async (token) => await accessTokenVerifier.verify(token).then((body) => ({ body }));
exports.withJsrsasign = async (token) => await accessTokenVerifier.verify(token).then(() => true, () => false);
exports.withNodeJose = async (token) => accessTokenVerifier2.verify(token).then((claims) => ({ payload: Buffer.from(JSON.stringify(claims)) }));
