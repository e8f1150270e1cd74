const jwks = require('../keys/okta-jwks.json');

module.exports = {
  jwks,
  okta: { issuer: 'https://acme.okta.com/oauth2/aus1a2b3c4d5e6f7g8h9' },
};
module.exports.audience = 'api://billing';
exports.partnerIssuer = 'https://partner.example.com';
