require('dotenv').config();

module.exports = {
  oidc: {
    clientId: process.env.OKTA_CLIENT_ID,
    issuer: `https://${process.env.OKTA_DOMAIN}/oauth2/default`,
    testing: {
      disableHttpsCheck: process.env.OKTA_TESTING_DISABLEHTTPSCHECK === 'true',
    },
  },
  expectedAudience: ['api://default', `${process.env.OKTA_CLIENT_ID}`],
  port: Number(process.env.PORT || 8000),
};
